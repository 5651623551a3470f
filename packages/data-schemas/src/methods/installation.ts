import type { Mongoose, Types } from 'mongoose';
import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationScope as Scope, InstallationStatus } from '@mcp-registry/data-provider';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { installationSchema } from '../schema/installation';
import type { IInstallation } from '../schema/installation';
import { mcpConnectionSchema } from '../schema/mcpConnection';
import { mcpServerUserSchema } from '../schema/mcpServerUser';
import { mcpUserCredentialSchema } from '../schema/mcpUserCredential';
import { retryOnceOnDuplicateKey } from '../utils/duplicateKey';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';
import { installationMatch } from './installationFilters';
import type { InstallationVisibility } from './installationFilters';
import { INSTALLATION_FIELDS as NO_SECRETS } from './installationView';
import type { InstallationRecord } from './installationView';

export interface NewInstallation {
  organizationId: Id;
  catalogId: Id;
  serverName: string;
  scope: Scope;
  /** Personal scope: the target user. */
  ownerId?: Id | null;
  /** Team scope: the group. */
  teamId?: Id | null;
  installedBy: Id;
  /** Plain values; encrypted before they are stored. */
  customUserVars?: Record<string, string>;
  status: InstallationStatus;
}

/** What PATCH may change; absent fields stay as they are. */
export interface InstallationChanges {
  customUserVars?: Record<string, string> | null;
  status?: InstallationStatus;
}

/** The duplicate key of an installation: what identifies it besides its `_id`. */
export type InstallationKey = Pick<NewInstallation, 'organizationId' | 'catalogId' | 'scope' | 'ownerId' | 'teamId'>;

export interface UpsertedInstallation {
  installation: InstallationRecord;
  /** False when an installation with the same key already existed (it is returned unchanged). */
  created: boolean;
}


function required(id: Id | null | undefined, what: string): Types.ObjectId {
  const oid = id === null || id === undefined ? null : toObjectId(id);
  if (!oid) throw new Error(`A valid ${what} is required`);
  return oid;
}

/** The duplicate key as a filter that hits exactly one of the three unique partial indexes. */
function installationKey(input: InstallationKey): Record<string, unknown> {
  const catalogId = required(input.catalogId, 'catalogId');
  const organizationId = required(input.organizationId, 'organizationId');
  if (input.scope === InstallationScope.PERSONAL) return { scope: input.scope, catalogId, ownerId: required(input.ownerId, 'ownerId'), organizationId };
  if (input.scope === InstallationScope.TEAM) return { scope: input.scope, catalogId, teamId: required(input.teamId, 'teamId'), organizationId };
  return { scope: input.scope, catalogId, organizationId };
}

export function createInstallationMethods(mongoose: Mongoose, deps: { cipher?: CredentialCipher } = {}) {
  const Installation = getModel(mongoose, 'McpInstallation', installationSchema);
  const McpServerUser = getModel(mongoose, 'McpServerUser', mcpServerUserSchema);
  const McpUserCredential = getModel(mongoose, 'McpUserCredential', mcpUserCredentialSchema);
  const McpConnection = getModel(mongoose, 'McpConnection', mcpConnectionSchema);

  /** What hangs off installations: assignments, members' credentials, connection outcomes and tool caches. */
  async function removeDependents(filter: Record<string, unknown>): Promise<void> {
    await McpServerUser.deleteMany(filter);
    await McpUserCredential.deleteMany(filter);
    await McpConnection.deleteMany(filter);
  }

  function seal(vars: Record<string, string>): string {
    if (!deps.cipher) throw new Error('Storing customUserVars needs a credential cipher (CREDS_KEY)');
    return deps.cipher.encrypt(JSON.stringify(vars));
  }

  async function upsertInstallationOnce(input: NewInstallation): Promise<UpsertedInstallation> {
    const key = installationKey(input);
    const now = new Date();
    const vars = input.customUserVars ?? {};
    const names = Object.keys(vars);
    const doc: Omit<IInstallation, '_id'> = {
      organizationId: key.organizationId as Types.ObjectId,
      catalogId: key.catalogId as Types.ObjectId,
      serverName: input.serverName,
      scope: input.scope,
      ownerId: (key.ownerId as Types.ObjectId | undefined) ?? null,
      teamId: (key.teamId as Types.ObjectId | undefined) ?? null,
      installedBy: required(input.installedBy, 'installedBy'),
      userIds: key.ownerId ? [key.ownerId as Types.ObjectId] : [],
      customUserVars: names.length > 0 ? seal(vars) : null,
      customUserVarNames: names,
      status: input.status,
      createdAt: now,
      updatedAt: now,
    };
    const result = await Installation.findOneAndUpdate(key, { $setOnInsert: doc }, {
      upsert: true,
      new: true,
      projection: NO_SECRETS,
      timestamps: false,
      setDefaultsOnInsert: false,
      includeResultMetadata: true,
      lean: true,
    });
    const installation = result.value as InstallationRecord | null;
    if (!installation) throw new Error('The installation upsert returned no document');
    return { installation, created: result.lastErrorObject?.updatedExisting !== true };
  }

  /** Assigns a user to an installation; assigning twice (or concurrently) leaves one row. */
  async function assignUserToInstallationOnce(input: { organizationId: Id; installationId: Id; userId: Id }): Promise<void> {
    const row = {
      organizationId: required(input.organizationId, 'organizationId'),
      installationId: required(input.installationId, 'installationId'),
      userId: required(input.userId, 'userId'),
    };
    await McpServerUser.updateOne(
      { installationId: row.installationId, userId: row.userId },
      { $setOnInsert: { ...row, createdAt: new Date() } },
      { upsert: true, timestamps: false },
    );
  }

  /** The installation (without secrets) when it is in the organisation and visible; null otherwise. */
  async function findInstallation(organizationId: Id, id: Id, visibility: InstallationVisibility): Promise<InstallationRecord | null> {
    const match = installationMatch(organizationId, visibility, { _id: id });
    if (!match) return null;
    return Installation.findOne(match, NO_SECRETS).lean<InstallationRecord>();
  }

  /**
   * What a user may use (their personal installations, their groups' and the organisation's), whatever their
   * permissions: an installation admin sees more but uses only these. Optionally of one catalog slug.
   */
  async function listUsableInstallations(organizationId: Id, userId: Id, groupIds: readonly Id[], serverName?: string): Promise<InstallationRecord[]> {
    const match = installationMatch(organizationId, { userId, groupIds });
    if (!match) return [];
    if (serverName !== undefined) match.serverName = serverName;
    return Installation.find(match, NO_SECRETS).lean<InstallationRecord[]>();
  }

  /** The installation (without secrets) holding this duplicate key, if any. */
  async function findInstallationByKey(key: InstallationKey): Promise<InstallationRecord | null> {
    return Installation.findOne(installationKey(key), NO_SECRETS).lean<InstallationRecord>();
  }

  /** The decrypted custom user variables (for the connection layer); null when the installation does not exist. */
  async function readInstallationCustomUserVars(organizationId: Id, id: Id): Promise<Record<string, string> | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    const row = await Installation.findOne({ _id, organizationId: orgId }, { customUserVars: 1 }).select('+customUserVars').lean<Pick<IInstallation, 'customUserVars'>>();
    if (!row) return null;
    if (!row.customUserVars) return {};
    if (!deps.cipher) throw new Error('Reading customUserVars needs a credential cipher (CREDS_KEY)');
    return JSON.parse(deps.cipher.decrypt(row.customUserVars)) as Record<string, string>;
  }

  /**
   * Deletes installations and then their assignment rows. The installation document holds its credentials, so
   * they go with it. Returns how many installations were deleted.
   */
  async function removeInstallationsWhere(filter: Record<string, unknown>): Promise<number> {
    const rows = await Installation.find(filter, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r._id);
    const r = await Installation.deleteMany({ _id: { $in: ids } });
    await removeDependents({ installationId: { $in: ids } });
    return r.deletedCount;
  }

  /**
   * Changes what an installation may change: its custom user variables (the object replaces every stored value and
   * is encrypted again; `null` clears them) and its status. Null when it no longer exists.
   */
  async function updateInstallation(organizationId: Id, id: Id, changes: InstallationChanges): Promise<InstallationRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    const set: Record<string, unknown> = { updatedAt: new Date() };
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.customUserVars !== undefined) {
      const vars = changes.customUserVars ?? {};
      const names = Object.keys(vars);
      set.customUserVars = names.length > 0 ? seal(vars) : null;
      set.customUserVarNames = names;
    }
    return Installation.findOneAndUpdate({ _id, organizationId: orgId }, { $set: set }, { new: true, projection: NO_SECRETS, timestamps: false, lean: true });
  }

  /** True when this call deleted it (false: it was already gone, so a second DELETE is a 404). */
  async function deleteInstallation(organizationId: Id, id: Id): Promise<boolean> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return false;
    const r = await Installation.deleteOne({ _id, organizationId: orgId });
    if (r.deletedCount !== 1) return false;
    await removeDependents({ installationId: _id });
    return true;
  }

  async function countInstallationsOfServer(organizationId: Id, catalogId: Id): Promise<number> {
    const orgId = toObjectId(organizationId);
    const cid = toObjectId(catalogId);
    if (!orgId || !cid) return 0;
    return Installation.countDocuments({ organizationId: orgId, catalogId: cid });
  }

  async function removeInstallationsOfServer(organizationId: Id, catalogId: Id): Promise<number> {
    const orgId = toObjectId(organizationId);
    const cid = toObjectId(catalogId);
    if (!orgId || !cid) return 0;
    return removeInstallationsWhere({ organizationId: orgId, catalogId: cid });
  }

  /** A deleted user's personal installations, and every assignment naming them. */
  async function removeInstallationsOfUser(organizationId: Id, userId: Id): Promise<number> {
    const orgId = toObjectId(organizationId);
    const uid = toObjectId(userId);
    if (!orgId || !uid) return 0;
    const removed = await removeInstallationsWhere({ organizationId: orgId, scope: InstallationScope.PERSONAL, ownerId: uid });
    await Installation.updateMany({ organizationId: orgId, userIds: uid }, { $pull: { userIds: uid } }, { timestamps: false });
    await removeDependents({ userId: uid });
    return removed;
  }

  /** A deleted group's team installations. */
  async function removeInstallationsOfTeam(organizationId: Id, teamId: Id): Promise<number> {
    const orgId = toObjectId(organizationId);
    const tid = toObjectId(teamId);
    if (!orgId || !tid) return 0;
    return removeInstallationsWhere({ organizationId: orgId, scope: InstallationScope.TEAM, teamId: tid });
  }

  return {
    upsertInstallation: retryOnceOnDuplicateKey(upsertInstallationOnce),
    assignUserToInstallation: retryOnceOnDuplicateKey(assignUserToInstallationOnce),
    findInstallation,
    findInstallationByKey,
    listUsableInstallations,
    readInstallationCustomUserVars,
    updateInstallation,
    deleteInstallation,
    countInstallationsOfServer,
    removeInstallationsOfServer,
    removeInstallationsOfUser,
    removeInstallationsOfTeam,
  };
}
