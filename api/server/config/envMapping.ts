/** Environment variable → configuration path. Every variable here is listed in `.env.example`. */
export const ENV_MAPPING: ReadonlyArray<readonly [string, string]> = [
  ['NODE_ENV', 'env'],
  ['PORT', 'server.port'],
  ['HOST', 'server.host'],
  ['TRUST_PROXY', 'server.trustProxy'],
  ['PUBLIC_URL', 'server.publicUrl'],
  ['CLIENT_URL', 'server.clientUrl'],
  ['MCP_OAUTH_FLOW_TIMEOUT_MS', 'mcpOAuth.flowTimeoutMs'],
  ['MONGO_URI', 'database.mongoUri'],
  ['DATA_DIR', 'database.dataDir'],
  ['JWT_SECRET', 'auth.jwtSecret'],
  ['JWT_REFRESH_SECRET', 'auth.jwtRefreshSecret'],
  ['ACCESS_TOKEN_TTL_SECONDS', 'auth.accessTokenTtlSeconds'],
  ['REFRESH_TOKEN_TTL_SECONDS', 'auth.refreshTokenTtlSeconds'],
  ['ACTOR_CACHE_TTL_MS', 'auth.actorCacheTtlMs'],
  ['LOGIN_RATE_LIMIT_MAX', 'auth.loginRateLimit.max'],
  ['LOGIN_RATE_LIMIT_WINDOW_MS', 'auth.loginRateLimit.windowMs'],
  ['CREDS_KEY', 'credsKey'],
  ['ADMIN_EMAIL', 'admin.email'],
  ['ADMIN_PASSWORD', 'admin.password'],
  ['CORS_ORIGINS', 'cors.origins'],
  ['LOG_LEVEL', 'log.level'],
  ['MCP_IDLE_TIMEOUT_MS', 'mcpConnections.idleTimeoutMs'],
  ['MCP_MAX_CONNECTIONS', 'mcpConnections.maxConnections'],
  ['MCP_CREDENTIAL_RECHECK_MS', 'mcpConnections.credentialRecheckMs'],
  ['GATEWAY_ALLOWED_ORIGINS', 'gateway.allowedOrigins'],
  ['GATEWAY_ALLOWED_HOSTS', 'gateway.allowedHosts'],
  ['GATEWAY_RATE_LIMIT_PER_MIN', 'gateway.rateLimitPerMin'],
  ['GATEWAY_SESSION_IDLE_MS', 'gateway.sessionIdleMs'],
  ['GATEWAY_MAX_SESSIONS', 'gateway.maxSessions'],
  ['GATEWAY_LIST_CHECK_MS', 'gateway.listCheckMs'],
];

const LIST_PATHS = new Set(['cors.origins', 'gateway.allowedOrigins', 'gateway.allowedHosts']);

export function envNameFor(path: string): string | undefined {
  return ENV_MAPPING.find(([, p]) => p === path)?.[0];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** The configuration the environment sets; empty variables count as unset. `CORS_ORIGINS` is comma-separated. */
export function configFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, path] of ENV_MAPPING) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = LIST_PATHS.has(path) ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
    setPath(out, path, value);
  }
  if (out.server && typeof (out.server as Record<string, unknown>).trustProxy === 'string') {
    const tp = (out.server as Record<string, unknown>).trustProxy as string;
    if (tp === 'true' || tp === 'false') (out.server as Record<string, unknown>).trustProxy = tp === 'true';
  }
  return out;
}

/** `base` with `over` laid on top, objects merged key by key (env over YAML). */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    const bothObjects = [prev, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = bothObjects ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

export function getPath(source: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), source);
}

export { setPath };
