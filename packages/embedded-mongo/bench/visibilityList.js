/* The member installation list's query: an organisation, a `$or` visibility filter, newest first, a page of 21. */
const { ObjectId } = require('mongodb');

const ORGS = 10;

function makeInstallations(size) {
  const users = Array.from({ length: Math.max(10, size / 10) }, () => new ObjectId());
  const teams = Array.from({ length: Math.max(5, size / 100) }, () => new ObjectId());
  const orgs = Array.from({ length: ORGS }, () => new ObjectId());
  const docs = Array.from({ length: size }, (_, i) => {
    const roll = (i * 7919) % 100;
    const scope = roll < 70 ? 'personal' : roll < 95 ? 'team' : 'org';
    return {
      _id: new ObjectId(),
      organizationId: orgs[i % ORGS],
      catalogId: new ObjectId(),
      serverName: `server-${i}`,
      scope,
      ownerId: scope === 'personal' ? users[i % users.length] : null,
      teamId: scope === 'team' ? teams[i % teams.length] : null,
      userIds: [],
      status: 'active',
    };
  });
  return { docs, users, teams, orgs };
}

function visibilityFilter(organizationId, userId, groupIds) {
  return {
    organizationId,
    $or: [{ scope: 'personal', ownerId: userId }, { scope: 'team', teamId: { $in: groupIds } }, { scope: 'org' }],
  };
}

/** Loads `size` installations with the service's indexes; returns a function that reads one member's first page. */
async function prepareVisibilityList(db, size) {
  const coll = db.collection(`installations_${size}`);
  await coll.createIndex({ organizationId: 1, _id: -1 });
  await coll.createIndex({ organizationId: 1, catalogId: 1, _id: -1 });
  await coll.createIndex({ organizationId: 1, scope: 1, _id: -1 });
  await coll.createIndex({ ownerId: 1, _id: -1 });
  await coll.createIndex({ teamId: 1, _id: -1 });
  const { docs, users, teams, orgs } = makeInstallations(size);
  for (let i = 0; i < docs.length; i += 1000) await coll.insertMany(docs.slice(i, i + 1000), { ordered: false });
  const request = (i) => {
    const member = i % users.length;
    const filter = visibilityFilter(orgs[member % ORGS], users[member], [teams[member % teams.length], teams[(member + 3) % teams.length]]);
    return coll.find(filter).sort({ _id: -1 }).limit(21).toArray();
  };
  const plan = await coll.find(visibilityFilter(orgs[0], users[0], [teams[0]])).sort({ _id: -1 }).limit(21).explain('queryPlanner');
  return { request, stage: plan.queryPlanner.winningPlan.inputStage?.stage ?? plan.queryPlanner.winningPlan.stage };
}

module.exports = { prepareVisibilityList };
