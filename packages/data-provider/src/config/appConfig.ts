import { z } from 'zod';
import { yamlMcpServersSchema } from './mcpServersConfig';
import { mcpSettingsSchema } from './mcpSettings';

export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const secret = z.string().min(32, 'must be at least 32 characters');

/**
 * The whole service configuration, parsed once and frozen. The loader fills it from the environment and the optional YAML file;
 * tests build one directly. Secrets are required here: the start-up code generates them in development.
 */
export const appConfigSchema = z.strictObject({
  env: z.enum(NODE_ENVS).default('development'),
  server: z
    .object({
      port: port.default(3080),
      host: z.string().min(1).default('127.0.0.1'),
      /** Express `trust proxy`: set when running behind a reverse proxy so rate limits see client IPs. */
      trustProxy: z.union([z.boolean(), z.coerce.number().int().min(0), z.string()]).default(false),
      /** The service's public origin (logs, OAuth callback URLs); `http://HOST:PORT` when absent. */
      publicUrl: z.url().optional(),
      /** Where the browser goes after an MCP OAuth callback (`/oauth/success`, `/oauth/error`); the public URL when absent. */
      clientUrl: z.url().optional(),
    })
    .prefault({}),
  database: z
    .object({
      mongoUri: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI').optional(),
      dataDir: z.string().min(1).default('./data'),
    })
    .prefault({}),
  /** Absent means empty, so that each missing secret is reported by name. */
  auth: z.preprocess((v) => v ?? {}, z.strictObject({
    jwtSecret: secret,
    jwtRefreshSecret: secret,
    accessTokenTtlSeconds: positiveInt.default(15 * 60),
    refreshTokenTtlSeconds: positiveInt.default(7 * 24 * 60 * 60),
    /** How long a resolved caller (user, role permissions, groups) is reused across requests of one process. */
    actorCacheTtlMs: z.coerce.number().int().min(0).default(5_000),
    loginRateLimit: z
      .object({ windowMs: positiveInt.default(15 * 60 * 1000), max: positiveInt.default(20) })
      .prefault({}),
  })),
  /** 32 bytes as 64 hex characters: the AES-256-GCM key for credentials at rest. */
  credsKey: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)'),
  admin: z
    .object({
      email: z.email().optional(),
      password: z.string().min(8, 'must be at least 8 characters').optional(),
    })
    .prefault({}),
  cors: z.strictObject({ origins: z.array(z.string().min(1)).default([]) }).prefault({}),
  log: z.strictObject({ level: z.enum(LOG_LEVELS).default('info') }).prefault({}),
  /** MCP servers defined by the operator (`mcpServers:` of the YAML file), upserted at start-up as `source: yaml`. */
  mcpServers: yamlMcpServersSchema,
  /** MCP OAuth flows: how long a started authorization accepts its callback (at least 1 s, default 10 min). */
  mcpOAuth: z
    .strictObject({ flowTimeoutMs: z.coerce.number().int().min(1000).default(10 * 60 * 1000) })
    .prefault({}),
  /** Live MCP connections of one process (each is a socket to an MCP server). */
  mcpConnections: z
    .strictObject({
      /** An unused connection is closed after this long. */
      idleTimeoutMs: z.coerce.number().int().min(1_000).default(15 * 60_000),
      /** At most this many open connections; the least recently used one is closed beyond it. */
      maxConnections: z.coerce.number().int().min(1).default(1_000),
      /** An open connection is used this long before its credentials are compared with MongoDB's (another replica may have changed them). */
      credentialRecheckMs: z.coerce.number().int().min(0).default(30_000),
      /** Connect right after an install for someone else or a credential change, so their tools are listed at once. */
      connectInBackground: z.boolean().default(true),
    })
    .prefault({}),
  /** The `/mcp` gateway: one MCP endpoint per user serving every server installed for them. */
  gateway: z
    .strictObject({
      /** Browser origins allowed to call `/mcp` (requests without an Origin header are not browsers and pass). */
      allowedOrigins: z.array(z.string().min(1)).default([]),
      /** Host header values accepted on `/mcp` besides the public URL's and loopback (DNS-rebinding protection). */
      allowedHosts: z.array(z.string().min(1)).default([]),
      /** Requests to `/mcp` per user per minute, counted in MongoDB across replicas. */
      rateLimitPerMin: z.coerce.number().int().min(1).default(600),
      /** An unused session is closed after this long. */
      sessionIdleMs: z.coerce.number().int().min(1_000).default(30 * 60_000),
      /** Open sessions per process; the least recently used one is closed beyond it. */
      maxSessions: z.coerce.number().int().min(1).default(1_000),
      /** How often open sessions are checked for tool-list changes made by another replica. */
      listCheckMs: z.coerce.number().int().min(100).default(10_000),
    })
    .prefault({}),
  /** Outbound-URL policy of the SSRF guard (YAML only). */
  mcpSettings: mcpSettingsSchema.prefault({}),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
export type AppConfigInput = z.input<typeof appConfigSchema>;
