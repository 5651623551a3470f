import type { Mongoose } from 'mongoose';
import { McpConnectionState } from '@mcp-registry/data-provider';
import { mcpConnectionSchema } from '../schema/mcpConnection';
import type { IMcpConnection } from '../schema/mcpConnection';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface McpConnectionOutcome {
  organizationId: Id;
  installationId: Id;
  userId: Id;
  catalogId: Id;
  catalogVersion: number;
  state: McpConnectionState;
  requiresOAuth?: boolean;
  lastError?: string | null;
  /** Set on a successful connection only. */
  lastConnectedAt?: Date;
  /** The listed tools as JSON text; absent leaves the cached list as it was. */
  toolsJson?: string;
}

export type McpConnectionRecord = Omit<IMcpConnection, 'organizationId'>;

const SIGNED_OUT = 'you signed out of this server';

const STATUS_FIELDS = { installationId: 1, catalogVersion: 1, state: 1, requiresOAuth: 1, lastError: 1, lastConnectedAt: 1 } as const;
const TOOL_FIELDS = { ...STATUS_FIELDS, toolsJson: 1, toolsFetchedAt: 1 } as const;

/** Connection outcomes and the tool cache, one row per (installation, user). */
export function createMcpConnectionMethods(mongoose: Mongoose) {
  const Connection = getModel(mongoose, 'McpConnection', mcpConnectionSchema);

  async function recordMcpConnection(outcome: McpConnectionOutcome): Promise<void> {
    const installationId = toObjectId(outcome.installationId);
    const userId = toObjectId(outcome.userId);
    if (!installationId || !userId) return;
    const $set: Record<string, unknown> = {
      catalogId: toObjectId(outcome.catalogId),
      catalogVersion: outcome.catalogVersion,
      state: outcome.state,
      requiresOAuth: outcome.requiresOAuth ?? false,
      lastError: outcome.lastError ?? null,
    };
    if (outcome.lastConnectedAt) $set.lastConnectedAt = outcome.lastConnectedAt;
    if (outcome.toolsJson !== undefined) Object.assign($set, { toolsJson: outcome.toolsJson, toolsFetchedAt: new Date() });
    await Connection.updateOne(
      { userId, installationId },
      { $set, $setOnInsert: { organizationId: toObjectId(outcome.organizationId) } },
      { upsert: true },
    );
  }

  /** The user's rows for these installations; `withTools` adds the cached tool lists. */
  async function listMcpConnections(userId: Id, installationIds: readonly Id[], withTools = false): Promise<McpConnectionRecord[]> {
    const uid = toObjectId(userId);
    const ids = installationIds.map(toObjectId).filter((id) => id !== null);
    if (!uid || ids.length === 0) return [];
    return Connection.find({ userId: uid, installationId: { $in: ids } }, withTools ? TOOL_FIELDS : STATUS_FIELDS).lean<McpConnectionRecord[]>();
  }

  async function findMcpConnection(installationId: Id, userId: Id): Promise<McpConnectionRecord | null> {
    const iid = toObjectId(installationId);
    const uid = toObjectId(userId);
    if (!iid || !uid) return null;
    return Connection.findOne({ userId: uid, installationId: iid }, TOOL_FIELDS).lean<McpConnectionRecord>();
  }

  /** The user signed out of an OAuth server: every replica's status reads "needs sign-in" until they connect again. */
  async function recordMcpSignOut(installationId: Id, userId: Id): Promise<void> {
    const iid = toObjectId(installationId);
    const uid = toObjectId(userId);
    if (!iid || !uid) return;
    await Connection.updateOne({ userId: uid, installationId: iid }, { $set: { state: McpConnectionState.NEEDS_AUTH, requiresOAuth: true, lastError: SIGNED_OUT } });
  }

  async function removeMcpConnectionsOfInstallations(installationIds: readonly Id[]): Promise<void> {
    const ids = installationIds.map(toObjectId).filter((id) => id !== null);
    if (ids.length > 0) await Connection.deleteMany({ installationId: { $in: ids } });
  }

  return { recordMcpConnection, listMcpConnections, findMcpConnection, recordMcpSignOut, removeMcpConnectionsOfInstallations };
}
