import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { mcpConnectionStateList } from '@mcp-registry/data-provider';
import type { McpConnectionState } from '@mcp-registry/data-provider';

/**
 * The outcome of the last connection of one (installation, user) and the tools it listed, so that every replica
 * answers tool lists and connection status without a network call (DESIGN.md §7). The tool list is kept as the
 * JSON text the server sent (tool schemas hold `$`-prefixed keys MongoDB field names should not carry).
 */
export interface IMcpConnection {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  installationId: Types.ObjectId;
  userId: Types.ObjectId;
  catalogId: Types.ObjectId;
  /** The catalog server's `version` the outcome was reached with. */
  catalogVersion: number;
  state: McpConnectionState;
  requiresOAuth: boolean;
  lastError: string | null;
  lastConnectedAt: Date | null;
  /** `[{ name, description, inputSchema, annotations }]` as JSON; null until a connection listed tools. */
  toolsJson: string | null;
  toolsFetchedAt: Date | null;
  updatedAt: Date;
}

export const mcpConnectionSchema = new Schema<IMcpConnection>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    installationId: { type: Schema.Types.ObjectId, ref: 'McpInstallation', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    catalogId: { type: Schema.Types.ObjectId, ref: 'McpServer', required: true },
    catalogVersion: { type: Number, required: true },
    state: { type: String, enum: mcpConnectionStateList, required: true },
    requiresOAuth: { type: Boolean, default: false },
    lastError: { type: String, default: null },
    lastConnectedAt: { type: Date, default: null },
    toolsJson: { type: String, default: null },
    toolsFetchedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: false, updatedAt: true }, collection: 'mcpconnections', versionKey: false },
);

/** A user's rows for a set of installations: equality on the user, then the installations. */
mcpConnectionSchema.index({ userId: 1, installationId: 1 }, { unique: true });
mcpConnectionSchema.index({ installationId: 1 });
