import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import { McpOAuthFlowStatus } from '@mcp-registry/data-provider';

/**
 * One browser authorization of an MCP server for (installation, user). Lives in MongoDB because the callback may
 * reach another replica. `stateHash` maps the opaque `state` sent to the authorization server back to the flow.
 */
export interface IMcpOAuthFlow {
  _id: Types.ObjectId;
  flowId: string;
  stateHash: string;
  organizationId: Types.ObjectId;
  userId: Types.ObjectId;
  installationId: Types.ObjectId;
  serverId: Types.ObjectId;
  serverName: string;
  status: McpOAuthFlowStatus;
  error: string | null;
  /** Set by the one callback that redeems the code; a replay finds it set and exchanges nothing. */
  claimedAt: Date | null;
  /** Credential envelope of `{ codeVerifier, clientInformation }`. */
  secrets: string;
  /** Non-secret: the authorization server URL and metadata, the RFC 8707 resource and the redirect URI. */
  authServerUrl: string;
  authServerMetadata: Record<string, unknown>;
  resource: string | null;
  redirectUri: string;
  createdAt: Date;
  /** After this the callback answers `flow_expired`. */
  expiresAt: Date;
  /** The TTL index removes the document at this time (after `expiresAt`, so late callbacks still read as expired). */
  purgeAt: Date;
}

export const mcpOAuthFlowSchema = new Schema<IMcpOAuthFlow>(
  {
    flowId: { type: String, required: true },
    stateHash: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    installationId: { type: Schema.Types.ObjectId, required: true },
    serverId: { type: Schema.Types.ObjectId, required: true },
    serverName: { type: String, required: true },
    status: { type: String, enum: Object.values(McpOAuthFlowStatus), required: true },
    error: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    secrets: { type: String, required: true, select: false },
    authServerUrl: { type: String, required: true },
    authServerMetadata: { type: Schema.Types.Mixed, required: true },
    resource: { type: String, default: null },
    redirectUri: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    purgeAt: { type: Date, required: true },
  },
  { collection: 'mcpoauthflows', versionKey: false, minimize: false },
);

mcpOAuthFlowSchema.index({ flowId: 1 }, { unique: true });
mcpOAuthFlowSchema.index({ stateHash: 1 }, { unique: true });
mcpOAuthFlowSchema.index({ userId: 1, installationId: 1, status: 1 });
mcpOAuthFlowSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });
