import type { Mongoose, Types } from 'mongoose';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { mcpOAuthTokenSchema } from '../schema/mcpOAuthToken';
import type { IMcpOAuthToken } from '../schema/mcpOAuthToken';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

/** Tokens with their secrets in the clear: what the OAuth service reads and writes, never what is stored. */
export interface PlainMcpOAuthToken {
  organizationId: string;
  installationId: string;
  userId: string;
  serverId: string;
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  scope: string | null;
  expiresAt: Date | null;
  clientInformation: Record<string, unknown>;
  authServerUrl: string;
  authServerMetadata: Record<string, unknown>;
  resource: string | null;
  generation: number;
}

export type NewMcpOAuthToken = Omit<PlainMcpOAuthToken, 'generation'>;

/** Which token rows a revocation takes: one pair, an installation, a catalog server or a user. */
export type McpOAuthTokenScope = { installationId: Id; userId?: Id } | { serverId: Id } | { userId: Id };

function objectId(id: Id, what: string): Types.ObjectId {
  const oid = toObjectId(id);
  if (!oid) throw new Error(`A valid ${what} is required`);
  return oid;
}

function scopeFilter(scope: McpOAuthTokenScope): Record<string, Types.ObjectId> | null {
  const out: Record<string, Types.ObjectId> = {};
  for (const [field, id] of Object.entries(scope) as Array<[string, Id | undefined]>) {
    if (id === undefined) continue;
    const oid = toObjectId(id);
    if (!oid) return null;
    out[field] = oid;
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function createMcpOAuthTokenMethods(mongoose: Mongoose, cipher?: CredentialCipher) {
  const Token = getModel(mongoose, 'McpOAuthToken', mcpOAuthTokenSchema);

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new Error('OAuth tokens need a credential cipher (CREDS_KEY)');
    return cipher;
  }

  function open(row: IMcpOAuthToken): PlainMcpOAuthToken {
    const c = requireCipher();
    return {
      organizationId: String(row.organizationId),
      installationId: String(row.installationId),
      userId: String(row.userId),
      serverId: String(row.serverId),
      accessToken: c.decrypt(row.accessToken),
      refreshToken: row.refreshToken ? c.decrypt(row.refreshToken) : null,
      tokenType: row.tokenType,
      scope: row.scope,
      expiresAt: row.expiresAt,
      clientInformation: JSON.parse(c.decrypt(row.clientInformation)) as Record<string, unknown>,
      authServerUrl: row.authServerUrl,
      authServerMetadata: row.authServerMetadata,
      resource: row.resource,
      generation: row.generation,
    };
  }

  function sealed(input: NewMcpOAuthToken) {
    const c = requireCipher();
    return {
      organizationId: objectId(input.organizationId, 'organizationId'),
      serverId: objectId(input.serverId, 'serverId'),
      accessToken: c.encrypt(input.accessToken),
      refreshToken: input.refreshToken ? c.encrypt(input.refreshToken) : null,
      tokenType: input.tokenType,
      scope: input.scope,
      expiresAt: input.expiresAt,
      clientInformation: c.encrypt(JSON.stringify(input.clientInformation)),
      authServerUrl: input.authServerUrl,
      authServerMetadata: input.authServerMetadata,
      resource: input.resource,
      updatedAt: new Date(),
    };
  }

  async function readOAuthTokens(installationId: Id, userId: Id): Promise<PlainMcpOAuthToken | null> {
    const iid = toObjectId(installationId);
    const uid = toObjectId(userId);
    if (!iid || !uid) return null;
    const row = await Token.findOne({ installationId: iid, userId: uid }).lean<IMcpOAuthToken>();
    return row ? open(row) : null;
  }

  /** Stores the tokens of a completed authorization, replacing any the user held for the installation. */
  async function saveOAuthTokens(input: NewMcpOAuthToken): Promise<PlainMcpOAuthToken> {
    const key = { installationId: objectId(input.installationId, 'installationId'), userId: objectId(input.userId, 'userId') };
    const row = await Token.findOneAndUpdate(key, { $set: sealed(input), $inc: { generation: 1 } }, { upsert: true, new: true, lean: true });
    return open(row as IMcpOAuthToken);
  }

  /**
   * Stores refreshed tokens only if nobody saved others since `generation` was read; null when the row changed
   * or is gone (then the caller's refresh lost to a newer authorization or a revocation).
   */
  async function replaceRefreshedOAuthTokens(input: NewMcpOAuthToken, generation: number): Promise<PlainMcpOAuthToken | null> {
    const key = { installationId: objectId(input.installationId, 'installationId'), userId: objectId(input.userId, 'userId') };
    const row = await Token.findOneAndUpdate({ ...key, generation }, { $set: sealed(input), $inc: { generation: 1 } }, { new: true, lean: true });
    return row ? open(row as IMcpOAuthToken) : null;
  }

  /** Deletes the matching rows and returns what they held (for revocation, which happens after). */
  async function takeOAuthTokens(scope: McpOAuthTokenScope): Promise<PlainMcpOAuthToken[]> {
    const filter = scopeFilter(scope);
    if (!filter) return [];
    const rows = await Token.find(filter).lean<IMcpOAuthToken[]>();
    if (rows.length === 0) return [];
    await Token.deleteMany({ _id: { $in: rows.map((r) => r._id) } });
    return rows.map(open);
  }

  async function countOAuthTokens(scope: McpOAuthTokenScope): Promise<number> {
    const filter = scopeFilter(scope);
    return filter ? Token.countDocuments(filter) : 0;
  }

  return { readOAuthTokens, saveOAuthTokens, replaceRefreshedOAuthTokens, takeOAuthTokens, countOAuthTokens };
}
