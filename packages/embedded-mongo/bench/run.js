/* Engine benchmark: ops/s through the real mongodb driver over 127.0.0.1 (npm run bench -w packages/embedded-mongo). */
const { performance } = require('node:perf_hooks');
const { MongoClient, ObjectId } = require('mongodb');
const { startEmbeddedMongo } = require('../dist');
const { prepareVisibilityList } = require('./visibilityList');

const SIZES = [1_000, 100_000];
const DURATION_MS = Number(process.env.BENCH_MS || 1500);

async function rate(fn, minIterations = 5) {
  let done = 0;
  const start = performance.now();
  while (done < minIterations || performance.now() - start < DURATION_MS) {
    await fn(done);
    done += 1;
  }
  return done / ((performance.now() - start) / 1000);
}

function makeDoc(i) {
  return { _id: new ObjectId(), email: `user${i}@example.com`, orgId: `org${i % 100}`, score: i % 1000, plain: `value${i}`, createdAt: new Date(1_700_000_000_000 + i) };
}

const commands = { count: 0 };

async function benchSize(db, size) {
  const coll = db.collection(`bench_${size}`);
  await coll.createIndex({ email: 1 }, { unique: true });
  await coll.createIndex({ orgId: 1, createdAt: -1 });
  const ids = [];
  const loadStart = performance.now();
  for (let i = 0; i < size; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(size, i + 1000); j++) batch.push(makeDoc(j));
    ids.push(...batch.map((d) => d._id));
    await coll.insertMany(batch, { ordered: false });
  }
  const bulkInsert = size / ((performance.now() - loadStart) / 1000);
  const extra = db.collection(`bench_${size}_single`);
  const insertOne = await rate((i) => extra.insertOne(makeDoc(size + i)));
  const findById = await rate((i) => coll.findOne({ _id: ids[(i * 7919) % ids.length] }));
  const indexedFind = await rate((i) => coll.find({ email: `user${(i * 7919) % size}@example.com` }).toArray());
  const scan = await rate((i) => coll.find({ plain: `value${(i * 7919) % size}` }).toArray(), 3);
  const page = await rate((i) => coll.find({ orgId: `org${i % 100}` }).sort({ createdAt: -1 }).limit(20).toArray());
  const visibility = await prepareVisibilityList(db, size);
  const before = commands.count;
  let requests = 0;
  const orList = await rate((i) => {
    requests += 1;
    return visibility.request(i);
  });
  const orCommands = (commands.count - before) / requests;
  return { size, bulkInsert, insertOne, findById, indexedFind, scan, page, orList, orStage: visibility.stage, orCommands };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(10);

async function main() {
  const engine = await startEmbeddedMongo({ port: 0 });
  const client = await MongoClient.connect(engine.uri, { monitorCommands: true });
  client.on('commandStarted', () => {
    commands.count += 1;
  });
  const db = client.db(`bench_${Date.now()}`);
  const warm = db.collection('warmup');
  await warm.createIndex({ email: 1 });
  for (let i = 0; i < 3000; i++) await warm.insertOne(makeDoc(i));
  for (let i = 0; i < 3000; i++) await warm.find({ email: `user${i}@example.com` }).toArray();
  await warm.drop();
  const rows = [];
  for (const size of SIZES) rows.push(await benchSize(db, size));
  await db.dropDatabase();
  await client.close();
  await engine.stop();
  console.log('embedded-mongo bench (ops/s, driver over 127.0.0.1; insertMany counted per document)');
  console.log('docs       insertMany  insertOne   findById   idx-eq-find  scan(unindexed)  idx-page(sort+limit 20)');
  for (const r of rows) {
    console.log(`${String(r.size).padEnd(8)} ${fmt(r.bulkInsert)} ${fmt(r.insertOne)} ${fmt(r.findById)} ${fmt(r.indexedFind)}   ${fmt(r.scan)}       ${fmt(r.page)}`);
  }
  const [small, large] = rows;
  const speedup = large.indexedFind / large.scan;
  const drift = small.indexedFind / large.indexedFind;
  console.log(`indexed equality find at ${large.size}: ${speedup.toFixed(0)}x the unindexed scan (target >= 20x)`);
  console.log(`indexed equality find at ${small.size} vs ${large.size}: ${drift.toFixed(2)}x (target <= 2x)`);
  console.log(`member installation list ($or visibility, sort _id, limit 21; no response cache): plan ${small.orStage} / ${large.orStage}`);
  for (const r of rows) console.log(`  ${String(r.size).padEnd(8)} ${(1000 / r.orList).toFixed(3)} ms/request   ${r.orCommands.toFixed(2)} commands/request`);
  const orDrift = small.orList / large.orList;
  console.log(`member installation list at ${large.size} vs ${small.size}: ${orDrift.toFixed(2)}x the latency (target <= 1.3x), ${large.orCommands.toFixed(2)} commands/request (target <= 2)`);
  if (speedup < 20 || drift > 2 || orDrift > 1.3 || large.orCommands > 2) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
