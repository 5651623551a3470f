import type { Mongoose } from 'mongoose';
import { McpServerSource, PermissionBits, ResourceType } from '@mcp-registry/data-provider';
import type { McpServerSource as Source } from '@mcp-registry/data-provider';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { aclEntrySchema } from '../schema/aclEntry';
import { mcpServerSchema } from '../schema/mcpServer';
import type { IMcpServer, IMcpServerConfig } from '../schema/mcpServer';
import { keysetPage } from '../utils/keysetPage';
import type { KeysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import { escapeRegExp, toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';
import { organizationViewerKey, principalKey } from '../utils/principalKey';
import { openMcpServerConfig, sealMcpServerConfig } from './mcpServerSecrets';
import type { PlainMcpServerConfig } from './mcpServerSecrets';

/** What every read returns: the stored server without its viewer keys (secrets stay envelopes). */
export type McpServerRecord = Omit<IMcpServer, 'viewers'>;

export interface NewMcpServer {
  organizationId: Id;
  serverName: string;
  title: string;
  description?: string;
  iconPath?: string | null;
  config: PlainMcpServerConfig;
  source: Source;
  author: Id | null;
  /** Principal keys with VIEW at creation (the author's; `*` for configuration servers). */
  viewers: string[];
}

export interface McpServerFields {
  title: string;
  description: string;
  iconPath: string | null;
  config: PlainMcpServerConfig;
}

export interface ListMcpServersInput {
  organizationId: Id;
  /** Principal keys of the caller; undefined lists the whole organisation (an organisation admin). */
  viewerKeys?: string[];
  search?: string;
  limit?: number;
  after?: string;
}

const RECORD = { viewers: 0 } as const;
const VIEWER_SYNC_ATTEMPTS = 3;

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}

export function createMcpServerMethods(mongoose: Mongoose, cipher?: CredentialCipher) {
  const McpServer = getModel(mongoose, 'McpServer', mcpServerSchema);
  const AclEntry = getModel(mongoose, 'AclEntry', aclEntrySchema);

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new Error('MCP server methods need a credential cipher (createMethods(mongoose, { cipher }))');
    return cipher;
  }

  /** Inserts with secrets sealed; a taken name throws a duplicate-key error (the caller picks the next slug). */
  async function insertMcpServer(input: NewMcpServer): Promise<McpServerRecord> {
    const { config, ...rest } = input;
    const doc = await McpServer.create({ ...rest, config: sealMcpServerConfig(requireCipher(), config) });
    const { viewers: _viewers, ...record } = doc.toObject();
    return record;
  }

  async function findMcpServerByName(organizationId: Id, serverName: string): Promise<McpServerRecord | null> {
    const orgId = toObjectId(organizationId);
    if (!orgId) return null;
    return McpServer.findOne({ organizationId: orgId, serverName }, RECORD).lean<McpServerRecord>();
  }

  /** The server with this id in the organisation, or null (unknown, malformed id or another organisation). */
  async function findServerById(organizationId: Id, id: Id): Promise<McpServerRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    return McpServer.findOne({ _id, organizationId: orgId }, RECORD).lean<McpServerRecord>();
  }

  /** Several servers of the organisation by id, in one query (unknown ids are left out). */
  async function findServersByIds(organizationId: Id, ids: readonly Id[]): Promise<McpServerRecord[]> {
    const orgId = toObjectId(organizationId);
    const oids = ids.map(toObjectId).filter((id) => id !== null);
    if (!orgId || oids.length === 0) return [];
    return McpServer.find({ _id: { $in: oids }, organizationId: orgId }, RECORD).lean<McpServerRecord[]>();
  }

  /** The configuration with secrets decrypted, for the code that merges updates or connects to the server. */
  async function revealMcpServerConfig(organizationId: Id, id: Id): Promise<PlainMcpServerConfig | null> {
    const server = await findServerById(organizationId, id);
    return server ? openMcpServerConfig(requireCipher(), server.config) : null;
  }

  /** Decrypts a record's configuration already in hand (no read). */
  function openStoredConfig(config: IMcpServerConfig): PlainMcpServerConfig {
    return openMcpServerConfig(requireCipher(), config);
  }

  /** Replaces the editable fields when `expectedVersion` is current; null when stale or gone. */
  async function updateMcpServer(organizationId: Id, id: Id, expectedVersion: number, fields: McpServerFields) {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    const $set = { ...fields, config: sealMcpServerConfig(requireCipher(), fields.config) };
    return McpServer.findOneAndUpdate(
      { _id, organizationId: orgId, version: expectedVersion },
      { $set, $inc: { version: 1 } },
      { new: true, projection: RECORD },
    ).lean<McpServerRecord>();
  }

  async function deleteMcpServer(organizationId: Id, id: Id): Promise<boolean> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return false;
    const r = await McpServer.deleteOne({ _id, organizationId: orgId });
    return r.deletedCount === 1;
  }

  /**
   * Newest first, keyset-paged on `_id` within the viewer index (one query per page). `search` is a
   * case-insensitive substring of the title or the description.
   */
  async function listMcpServers(input: ListMcpServersInput): Promise<KeysetPage<McpServerRecord>> {
    const filter: Record<string, unknown> = { organizationId: toObjectId(input.organizationId) };
    if (input.viewerKeys) filter.viewers = { $in: input.viewerKeys };
    if (input.search) {
      const pattern = new RegExp(escapeRegExp(input.search), 'i');
      filter.$or = [{ title: pattern }, { description: pattern }];
    }
    return keysetPage<IMcpServer, McpServerRecord>(McpServer, { filter, limit: input.limit, after: input.after, projection: RECORD });
  }

  /** Names in the organisation that are `base` or `base-<n>` (for picking the next free slug). */
  async function findTakenServerNames(organizationId: Id, base: string): Promise<string[]> {
    const orgId = toObjectId(organizationId);
    if (!orgId) return [];
    const pattern = new RegExp(`^${escapeRegExp(base)}(-[0-9]+)?$`);
    const rows = await McpServer.find({ organizationId: orgId, serverName: pattern }, { serverName: 1, _id: 0 }).lean<
      Array<{ serverName: string }>
    >();
    return rows.map((r) => r.serverName);
  }

  async function listMcpServerNamesBySource(organizationId: Id, source: Source) {
    const orgId = toObjectId(organizationId);
    if (!orgId) return [];
    return McpServer.find({ organizationId: orgId, source }, { _id: 1, serverName: 1 }).lean<
      Array<Pick<IMcpServer, '_id' | 'serverName'>>
    >();
  }

  async function viewerKeysFromAcl(server: Pick<IMcpServer, '_id' | 'source' | 'organizationId'>): Promise<string[]> {
    const orgId = String(server.organizationId);
    const rows = await AclEntry.find(
      { resourceType: ResourceType.MCP_SERVER, resourceId: server._id },
      { principalType: 1, principalId: 1, permBits: 1, _id: 0 },
    ).lean<Array<{ principalType: 'user' | 'group' | 'role' | 'public'; principalId: string | null; permBits: number }>>();
    const keys = rows
      .filter((r) => (r.permBits & PermissionBits.VIEW) !== 0)
      .map((r) => principalKey({ type: r.principalType, id: r.principalId }, orgId));
    if (server.source === McpServerSource.YAML) keys.push(organizationViewerKey(orgId));
    return [...new Set(keys)];
  }

  /**
   * Recomputes the server's viewer keys from its ACL entries after they changed. Without transactions two
   * concurrent share updates could each write keys read before the other's change, so the write is verified
   * against a fresh read and repeated until they agree.
   */
  async function syncMcpServerViewers(organizationId: Id, id: Id): Promise<void> {
    const server = await McpServer.findOne({ _id: toObjectId(id), organizationId: toObjectId(organizationId) }, { source: 1, organizationId: 1 }).lean<
      Pick<IMcpServer, '_id' | 'source' | 'organizationId'>
    >();
    if (!server) return;
    for (let attempt = 0; attempt < VIEWER_SYNC_ATTEMPTS; attempt += 1) {
      const keys = await viewerKeysFromAcl(server);
      await McpServer.updateOne({ _id: server._id }, { $set: { viewers: keys } }, { timestamps: false });
      if (sameKeys(keys, await viewerKeysFromAcl(server))) return;
    }
  }

  /**
   * Creates or replaces the configuration server `serverName`. A user server already holding the name makes this
   * throw a duplicate-key error (the caller reports it).
   */
  async function upsertYamlMcpServer(organizationId: Id, serverName: string, fields: McpServerFields): Promise<McpServerRecord> {
    const orgId = toObjectId(organizationId);
    const $set = { ...fields, config: sealMcpServerConfig(requireCipher(), fields.config), viewers: [organizationViewerKey(String(organizationId))] };
    const doc = await McpServer.findOneAndUpdate(
      { organizationId: orgId, serverName, source: McpServerSource.YAML },
      { $set, $inc: { version: 1 }, $setOnInsert: { organizationId: orgId, serverName, source: McpServerSource.YAML, author: null } },
      { upsert: true, new: true, projection: RECORD },
    ).lean<McpServerRecord>();
    return doc as McpServerRecord;
  }

  async function countMcpServers(organizationId: Id): Promise<number> {
    return McpServer.countDocuments({ organizationId: toObjectId(organizationId) });
  }

  return {
    insertMcpServer,
    findServersByIds,
    findMcpServerByName,
    findServerById,
    revealMcpServerConfig,
    openStoredConfig,
    updateMcpServer,
    deleteMcpServer,
    listMcpServers,
    findTakenServerNames,
    listMcpServerNamesBySource,
    syncMcpServerViewers,
    upsertYamlMcpServer,
    countMcpServers,
  };
}
