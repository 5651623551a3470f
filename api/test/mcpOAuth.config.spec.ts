import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config/loadConfig';
import { publicUrlOf } from '../server/app';

const secretsEnv = { JWT_SECRET: 's'.repeat(40), JWT_REFRESH_SECRET: 'r'.repeat(40), CREDS_KEY: 'a'.repeat(64) };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-oauth-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('MCP OAuth configuration', () => {
  it('defaults the flow timeout to 10 minutes and the public URL to http://HOST:PORT', () => {
    const { config } = loadConfig({ env: secretsEnv, cwd: dir });
    expect(config.mcpOAuth.flowTimeoutMs).toBe(600_000);
    expect(publicUrlOf(config)).toBe('http://127.0.0.1:3080');
    expect(config.server.clientUrl).toBeUndefined();
  });

  it('reads MCP_OAUTH_FLOW_TIMEOUT_MS, PUBLIC_URL and CLIENT_URL', () => {
    const env = { ...secretsEnv, MCP_OAUTH_FLOW_TIMEOUT_MS: '1000', PUBLIC_URL: 'https://mcp.example.com/', CLIENT_URL: 'https://app.example.com' };
    const { config } = loadConfig({ env, cwd: dir });
    expect(config.mcpOAuth.flowTimeoutMs).toBe(1000);
    expect(publicUrlOf(config)).toBe('https://mcp.example.com');
    expect(config.server.clientUrl).toBe('https://app.example.com');
  });

  it('refuses a flow timeout under one second, naming the variable', () => {
    try {
      loadConfig({ env: { ...secretsEnv, MCP_OAUTH_FLOW_TIMEOUT_MS: '999' }, cwd: dir });
      throw new Error('expected a ConfigError');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      expect(error.problems.join('\n')).toMatch(/MCP_OAUTH_FLOW_TIMEOUT_MS/);
    }
  });
});
