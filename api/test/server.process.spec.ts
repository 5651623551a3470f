import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The real process entry, as `npm start` runs it (built by `npm test` before jest). */
const ENTRY = path.resolve(__dirname, '../dist/server/index.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  return { ...env, ...extra };
}

function startServer(cwd: string, env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [ENTRY], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\[server\] listening.*"url":"(http:\/\/[^"]+)"/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, url: match[1] as string, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

async function stopServer(running: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  running.child.removeAllListeners('exit');
  const exited = exitOf(running.child);
  running.child.kill(signal);
  return exited;
}

async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { token?: string; user?: { id: string; role: string } } };
}

let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first (npm test does)`);
});
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
    const env = baseEnv({ DATA_DIR: dataDir, ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'first-admin-pass' });
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
    const env = baseEnv({ DATA_DIR: path.join(dir, 'data') });
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

  it('with NODE_ENV=production and no secrets refuses to start, naming the variables', async () => {
    const child = spawn(process.execPath, [ENTRY], { cwd: dir, env: baseEnv({ NODE_ENV: 'production' }), stdio: ['ignore', 'pipe', 'pipe'] });
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
