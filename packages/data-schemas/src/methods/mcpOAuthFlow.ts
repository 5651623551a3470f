import { createHash } from 'node:crypto';
import type { Mongoose, Types } from 'mongoose';
import { McpOAuthFlowStatus } from '@mcp-registry/data-provider';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { mcpOAuthFlowSchema } from '../schema/mcpOAuthFlow';
import type { IMcpOAuthFlow } from '../schema/mcpOAuthFlow';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

/** The secret part of a flow, in the clear only between these methods and the OAuth service. */
export interface McpOAuthFlowSecrets {
  codeVerifier: string;
  clientInformation: Record<string, unknown>;
}

export type McpOAuthFlowRecord = Omit<IMcpOAuthFlow, 'secrets' | 'stateHash'>;

export interface NewMcpOAuthFlow {
  flowId: string;
  /** The opaque `state`; only its hash is stored. */
  state: string;
  organizationId: Id;
  userId: Id;
  installationId: Id;
  serverId: Id;
  serverName: string;
  secrets: McpOAuthFlowSecrets;
  authServerUrl: string;
  authServerMetadata: Record<string, unknown>;
  resource: string | null;
  redirectUri: string;
  /** How long the callback is accepted. */
  timeoutMs: number;
}

const PUBLIC_FIELDS = { secrets: 0, stateHash: 0 } as const;

export function hashOAuthState(state: string): string {
  return createHash('sha256').update(state).digest('base64url');
}

function objectId(id: Id, what: string): Types.ObjectId {
  const oid = toObjectId(id);
  if (!oid) throw new Error(`A valid ${what} is required`);
  return oid;
}

export function createMcpOAuthFlowMethods(mongoose: Mongoose, cipher?: CredentialCipher) {
  const Flow = getModel(mongoose, 'McpOAuthFlow', mcpOAuthFlowSchema);

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new Error('OAuth flows need a credential cipher (CREDS_KEY)');
    return cipher;
  }

  async function createOAuthFlow(input: NewMcpOAuthFlow): Promise<McpOAuthFlowRecord> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + input.timeoutMs);
    const doc = {
      flowId: input.flowId,
      stateHash: hashOAuthState(input.state),
      organizationId: objectId(input.organizationId, 'organizationId'),
      userId: objectId(input.userId, 'userId'),
      installationId: objectId(input.installationId, 'installationId'),
      serverId: objectId(input.serverId, 'serverId'),
      serverName: input.serverName,
      status: McpOAuthFlowStatus.PENDING,
      error: null,
      claimedAt: null,
      secrets: requireCipher().encrypt(JSON.stringify(input.secrets)),
      authServerUrl: input.authServerUrl,
      authServerMetadata: input.authServerMetadata,
      resource: input.resource,
      redirectUri: input.redirectUri,
      createdAt: now,
      expiresAt,
      purgeAt: new Date(expiresAt.getTime() + input.timeoutMs),
    };
    const created = await Flow.create(doc);
    const { secrets: _secrets, stateHash: _hash, ...record } = created.toObject();
    return record;
  }

  async function findOAuthFlow(flowId: string): Promise<McpOAuthFlowRecord | null> {
    return Flow.findOne({ flowId }, PUBLIC_FIELDS).lean<McpOAuthFlowRecord>();
  }

  async function findOAuthFlowByState(state: string): Promise<McpOAuthFlowRecord | null> {
    return Flow.findOne({ stateHash: hashOAuthState(state) }, PUBLIC_FIELDS).lean<McpOAuthFlowRecord>();
  }

  /**
   * The one atomic step that lets a callback redeem the code: a PENDING, unclaimed, unexpired flow becomes
   * claimed and its secrets come back. A replayed or doubled callback gets null.
   */
  async function claimOAuthFlow(flowId: string): Promise<{ flow: McpOAuthFlowRecord; secrets: McpOAuthFlowSecrets } | null> {
    const now = new Date();
    const row = await Flow.findOneAndUpdate(
      { flowId, status: McpOAuthFlowStatus.PENDING, claimedAt: null, expiresAt: { $gt: now } },
      { $set: { claimedAt: now } },
      { new: true, lean: true },
    ).select('+secrets');
    if (!row) return null;
    const { secrets, stateHash: _hash, ...flow } = row as IMcpOAuthFlow;
    return { flow, secrets: JSON.parse(requireCipher().decrypt(secrets)) as McpOAuthFlowSecrets };
  }

  async function completeOAuthFlow(flowId: string): Promise<boolean> {
    const r = await Flow.updateOne({ flowId, status: McpOAuthFlowStatus.PENDING }, { $set: { status: McpOAuthFlowStatus.COMPLETED } });
    return r.modifiedCount === 1;
  }

  /** A PENDING flow becomes FAILED with `error` (a cancelled flow reads `cancelled`); false when it was not pending. */
  async function failOAuthFlow(flowId: string, error: string): Promise<boolean> {
    const r = await Flow.updateOne({ flowId, status: McpOAuthFlowStatus.PENDING }, { $set: { status: McpOAuthFlowStatus.FAILED, error } });
    return r.modifiedCount === 1;
  }

  /** The user's PENDING flows for an installation (newest first), e.g. to cancel them. */
  async function listPendingOAuthFlows(userId: Id, installationId: Id): Promise<McpOAuthFlowRecord[]> {
    const uid = toObjectId(userId);
    const iid = toObjectId(installationId);
    if (!uid || !iid) return [];
    return Flow.find({ userId: uid, installationId: iid, status: McpOAuthFlowStatus.PENDING }, PUBLIC_FIELDS)
      .sort({ createdAt: -1 })
      .lean<McpOAuthFlowRecord[]>();
  }

  async function deleteOAuthFlowsWhere(filter: { installationId?: Id; serverId?: Id; userId?: Id }): Promise<number> {
    const match: Record<string, Types.ObjectId> = {};
    for (const [field, id] of Object.entries(filter)) {
      if (id === undefined) continue;
      const oid = toObjectId(id);
      if (!oid) return 0;
      match[field] = oid;
    }
    if (Object.keys(match).length === 0) return 0;
    return (await Flow.deleteMany(match)).deletedCount;
  }

  return {
    createOAuthFlow,
    findOAuthFlow,
    findOAuthFlowByState,
    claimOAuthFlow,
    completeOAuthFlow,
    failOAuthFlow,
    listPendingOAuthFlows,
    deleteOAuthFlowsWhere,
  };
}
