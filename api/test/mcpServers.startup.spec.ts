import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { start } from '../server/index';
import type { RunningServer } from '../server/index';
import { testDatabaseUri } from '../../test/testDatabase';

const ADMIN = { email: 'yaml-admin@example.test', password: 'yaml-admin-password' };

let dir: string;
let env: NodeJS.ProcessEnv;
let running: RunningServer | undefined;

function writeConfig(yaml: string): void {
  fs.writeFileSync(path.join(dir, 'mcp-registry.yaml'), yaml);
}

async function listNames(url: string): Promise<string[]> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${url}/api/mcp/servers`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { data: Array<{ serverName: string; source: string }> };
  return body.data.filter((s) => s.source === 'yaml').map((s) => s.serverName).sort();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-yaml-'));
  env = {
    MONGO_URI: testDatabaseUri('mcpServers-startup'),
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
    CREDS_KEY: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'error',
    DATA_DIR: dir,
  };
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('start-up with mcpServers in the configuration file', () => {
  it('loads the file’s servers into the default organisation and follows the file on the next start', async () => {
    writeConfig(
      [
        'mcpServers:',
        '  github:',
        '    type: streamable-http',
        '    url: https://api.example.com/mcp',
        '    headers:',
        '      Authorization: "Bearer ${GITHUB_TOKEN}"',
        '  filesystem:',
        '    command: npx',
        '    args: ["-y", "@modelcontextprotocol/server-filesystem"]',
      ].join('\n'),
    );
    running = await start({ env, cwd: dir });
    expect(await listNames(running.url)).toEqual(['filesystem', 'github']);
    await running.stop();

    writeConfig(['mcpServers:', '  github:', '    type: sse', '    url: https://api.example.com/sse'].join('\n'));
    running = await start({ env, cwd: dir });
    expect(await listNames(running.url)).toEqual(['github']);
  });

  it('refuses to start with an invalid server entry, naming it', async () => {
    writeConfig(['mcpServers:', '  broken:', '    type: sse'].join('\n'));
    await expect(start({ env, cwd: dir })).rejects.toThrow(/mcpServers\.broken/);
  });
});
