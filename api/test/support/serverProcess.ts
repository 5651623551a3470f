import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The real process entry, as `npm start` runs it (built by `npm test` before jest). */
export const SERVER_ENTRY = path.resolve(__dirname, '../../dist/server/index.js');

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
}

export function assertServerBuilt(): void {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first (npm test does)`);
}

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  return { ...env, ...extra };
}

/** Starts `node <entry>` (after `wrapper`, e.g. `unshare …`), resolved with its URL once it logs that it listens. */
export function startServer(cwd: string, env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<RunningServer> {
  const [command, ...args] = [...wrapper, process.execPath, SERVER_ENTRY];
  const child = spawn(command as string, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

export async function stopServer(running: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  running.child.removeAllListeners('exit');
  const exited = exitOf(running.child);
  running.child.kill(signal);
  return exited;
}

export async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { token?: string; user?: { id: string; role: string } } };
}
