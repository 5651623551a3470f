import { Schema } from 'mongoose';
import type { Types } from 'mongoose';
import {
  McpApiKeySource,
  McpAuthorizationType,
  McpServerSource,
  McpTransport,
  TokenExchangeMethod,
} from '@mcp-registry/data-provider';
import type { McpServerSource as Source, McpTransport as Transport } from '@mcp-registry/data-provider';

/** A name/value pair whose value is a credential envelope (`v1:…`), never plaintext. */
export interface ISealedPair {
  name: string;
  value: string;
}

export interface IMcpOAuth {
  authorization_url?: string;
  token_url?: string;
  client_id?: string;
  /** Credential envelope. */
  client_secret?: string;
  scope?: string;
  token_exchange_method?: string;
  revocation_endpoint?: string;
}

export interface IMcpApiKey {
  source: string;
  /** Credential envelope; admin-provided keys only. */
  key?: string;
  authorization_type: string;
  custom_header?: string;
}

export interface IMcpUserVar {
  name: string;
  title: string;
  description?: string;
}

export interface IMcpServerConfig {
  type: Transport;
  url?: string;
  command?: string;
  args?: string[];
  env?: ISealedPair[];
  headers?: ISealedPair[];
  oauth?: IMcpOAuth;
  apiKey?: IMcpApiKey;
  customUserVars?: IMcpUserVar[];
  timeout?: number;
}

export interface IMcpServer {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  serverName: string;
  title: string;
  description: string;
  iconPath: string | null;
  config: IMcpServerConfig;
  source: Source;
  author: Types.ObjectId | null;
  version: number;
  /**
   * Principal keys (`user:<id>`, `group:<id>`, `role:<org>:<name>`, `public:<org>`, `org:<org>` for configuration
   * servers) holding VIEW, derived from the ACL entries so that the list is one indexed query.
   */
  viewers: string[];
  createdAt: Date;
  updatedAt: Date;
}

const sealedPairSchema = new Schema<ISealedPair>(
  { name: { type: String, required: true }, value: { type: String, required: true } },
  { _id: false },
);

const oauthSchema = new Schema<IMcpOAuth>(
  {
    authorization_url: String,
    token_url: String,
    client_id: String,
    client_secret: String,
    scope: String,
    token_exchange_method: { type: String, enum: Object.values(TokenExchangeMethod) },
    revocation_endpoint: String,
  },
  { _id: false },
);

const apiKeySchema = new Schema<IMcpApiKey>(
  {
    source: { type: String, enum: Object.values(McpApiKeySource), required: true },
    key: String,
    authorization_type: { type: String, enum: Object.values(McpAuthorizationType), required: true },
    custom_header: String,
  },
  { _id: false },
);

const userVarSchema = new Schema<IMcpUserVar>(
  { name: { type: String, required: true }, title: { type: String, required: true }, description: String },
  { _id: false },
);

const configSchema = new Schema<IMcpServerConfig>(
  {
    type: { type: String, enum: Object.values(McpTransport), required: true },
    url: String,
    command: String,
    args: { type: [String], default: undefined },
    env: { type: [sealedPairSchema], default: undefined },
    headers: { type: [sealedPairSchema], default: undefined },
    oauth: { type: oauthSchema, default: undefined },
    apiKey: { type: apiKeySchema, default: undefined },
    customUserVars: { type: [userVarSchema], default: undefined },
    timeout: Number,
  },
  { _id: false },
);

export const mcpServerSchema = new Schema<IMcpServer>(
  {
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    serverName: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    iconPath: { type: String, default: null },
    config: { type: configSchema, required: true },
    source: { type: String, enum: Object.values(McpServerSource), required: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    version: { type: Number, default: 1 },
    viewers: { type: [String], default: [] },
  },
  { timestamps: true, versionKey: false },
);

/** The slug is unique per organisation; configuration servers hold theirs like any other (names reserved). */
mcpServerSchema.index({ organizationId: 1, serverName: 1 }, { unique: true });
/**
 * The list, newest first. Viewer keys are unique across organisations, so MongoDB can merge one sorted range per
 * key of the caller (SORT_MERGE) when visibility is sparse, or walk the organisation's servers newest first and
 * filter when it is dense (and for an organisation admin, who sees everything); its planner tries both.
 */
mcpServerSchema.index({ viewers: 1, _id: -1 });
mcpServerSchema.index({ organizationId: 1, _id: -1 });
mcpServerSchema.index({ organizationId: 1, source: 1 });
