import { randomBytes } from 'node:crypto';
import { appConfigSchema } from '@mcp-registry/data-provider';
import type { AppConfig, AppConfigInput } from '@mcp-registry/data-provider';

/**
 * A valid configuration for tests: fresh random secrets, quiet logs, a generous login limit, and no background MCP
 * connects (the test DNS answers a public address for the reserved test domains; only the MCP connection suites,
 * whose servers run on 127.0.0.1, turn them on).
 */
export function testConfig(overrides: Partial<AppConfigInput> = {}): AppConfig {
  return appConfigSchema.parse({
    env: 'test',
    auth: {
      jwtSecret: randomBytes(32).toString('hex'),
      jwtRefreshSecret: randomBytes(32).toString('hex'),
      loginRateLimit: { windowMs: 60_000, max: 1000 },
    },
    credsKey: randomBytes(32).toString('hex'),
    log: { level: 'error' },
    mcpConnections: { connectInBackground: false },
    ...overrides,
  });
}
