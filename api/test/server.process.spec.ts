import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_ENTRY, assertServerBuilt, exitOf, login, serverEnv, startServer, stopServer } from './support/serverProcess';

let dir: string;
const children: ChildProcess[] = [];

beforeAll(assertServerBuilt);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-process-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the real server process', () => {
  it('starts with no setup, keeps its data and secrets in DATA_DIR across a graceful restart', async () => {
    const dataDir = path.join(dir, 'data');
    const env = serverEnv({ DATA_DIR: dataDir, ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'first-admin-pass' });
    const first = await startServer(dir, env);
    children.push(first.child);
    expect(first.output()).toContain('development secrets');
    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    const before = await login(first.url, 'root@example.test', 'first-admin-pass');
    expect(before.status).toBe(200);
    expect(before.body.user?.role).toBe('ADMIN');
    const created = await fetch(`${first.url}/api/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${before.body.token}` },
      body: JSON.stringify({ name: 'survives-restart' }),
    });
    expect(created.status).toBe(201);
    const secretsFile = path.join(dataDir, 'secrets.json');
    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
    const secrets = fs.readFileSync(secretsFile, 'utf8');
    expect(await stopServer(first)).toBe(0);
    expect(first.output()).toContain('[server] stopped');

    const second = await startServer(dir, env);
    children.push(second.child);
    expect(fs.readFileSync(secretsFile, 'utf8')).toBe(secrets);
    const me = await fetch(`${second.url}/api/user`, { headers: { authorization: `Bearer ${before.body.token}` } });
    expect(me.status).toBe(200);
    const after = await login(second.url, 'root@example.test', 'first-admin-pass');
    expect(after.status).toBe(200);
    expect(after.body.user?.id).toBe(before.body.user?.id);
    const groups = await fetch(`${second.url}/api/groups`, { headers: { authorization: `Bearer ${after.body.token}` } });
    expect(((await groups.json()) as { data: Array<{ name: string }> }).data.map((g) => g.name)).toEqual(['survives-restart']);
    expect(await stopServer(second, 'SIGINT')).toBe(0);
  });

  it('without ADMIN_PASSWORD prints a random first-admin password once, which logs in', async () => {
    const env = serverEnv({ DATA_DIR: path.join(dir, 'data') });
    const running = await startServer(dir, env);
    children.push(running.child);
    const password = /password: (\S+)/.exec(running.output())?.[1];
    expect(password).toBeDefined();
    expect((await login(running.url, 'admin@mcp-registry.local', password as string)).status).toBe(200);
    expect(await stopServer(running)).toBe(0);
    const again = await startServer(dir, env);
    children.push(again.child);
    expect(again.output()).not.toContain('password:');
    expect(await stopServer(again)).toBe(0);
  });

  it('a second server on a DATA_DIR in use exits with a message naming the holder and what to do, not a stack', async () => {
    const env = serverEnv({ DATA_DIR: path.join(dir, 'data'), ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'first-admin-pass' });
    const first = await startServer(dir, env);
    children.push(first.child);
    const second = spawn(process.execPath, [SERVER_ENTRY], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(second);
    let stderr = '';
    second.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    expect(await exitOf(second)).toBe(1);
    expect(stderr).toContain(`is in use by process ${String(first.child.pid)}`);
    expect(stderr).toContain('Stop that process first');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect(await stopServer(first)).toBe(0);
  });

  it('with NODE_ENV=production and no secrets refuses to start, naming the variables', async () => {
    const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: dir, env: serverEnv({ NODE_ENV: 'production' }), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain('JWT_SECRET');
    expect(stderr).toContain('CREDS_KEY');
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });
});
