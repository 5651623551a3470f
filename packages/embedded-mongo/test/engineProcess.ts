import { spawn } from 'node:child_process';
import path from 'node:path';

export interface EngineProcess {
  uri: string;
  pid: number;
  kill(): Promise<void>;
}

/** An engine on `dbPath` in a child process (engineChild.ts), resolved once it prints its URI. */
export function startEngineProcess(dbPath: string): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'engineChild.ts'), dbPath], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`engine child exited (${String(code)}): ${err}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      resolve({
        uri: line,
        pid: child.pid as number,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
