import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const entry = path.join(root, 'api', 'dist', 'server', 'index.js');

/** Catalog URLs in the suite point here; the service makes no connection when a server is saved, only the SSRF check. */
export const MCP_TEST_ADDRESS = '127.0.0.1:9';

export interface Backend {
  url: string;
  stop(): Promise<void>;
}

/** A port free right now: the OAuth redirect URI is built from the service's public URL, so it cannot listen on port 0. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/**
 * The service as `npm start` runs it (API and built client), on a free port with a fresh data directory;
 * `allowedAddresses` are the loopback peers (host:port) it may connect to.
 */
export async function startBackend(env: Record<string, string>, allowedAddresses: string[] = []): Promise<Backend> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mcpr-e2e-'));
  const configPath = path.join(dataDir, 'mcp-registry.yaml');
  const allowed = [MCP_TEST_ADDRESS, ...allowedAddresses].map((a) => `'${a}'`).join(', ');
  writeFileSync(configPath, `mcpSettings:\n  allowedAddresses: [${allowed}]\n`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: dataDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, CONFIG_PATH: configPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the backend did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\[server\] listening.*"url":"(http:\/\/[^"]+)"/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ url: match[1], stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the backend exited with ${code}:\n${output}`));
    });
  });
}
