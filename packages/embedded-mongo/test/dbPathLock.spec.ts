import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DbPathInUseError, isDbPathInUse, startEmbeddedMongo } from '../src';
import { parseLockRecord } from '../src/journal/lock/lockRecord';
import type { LockRecord } from '../src/journal/lock/lockRecord';
import { currentBootId, processStatus } from '../src/journal/lock/processIdentity';
import { recordedHolderMayBeRunning } from '../src/journal/lock/recordedHolder';
import { startEngineProcess } from './engineProcess';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-lock-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const lockFile = (dir: string): string => path.join(dir, 'mongod.lock');
const bootId = currentBootId();
const linuxOnly = bootId === null ? it.skip : it;

function record(pid: number, overrides: Partial<LockRecord> = {}): LockRecord {
  return { pid, bootId, startTime: processStatus(pid)?.startTime ?? null, host: os.hostname(), since: null, legacy: false, ...overrides };
}

/** A shell command's printed first line, with the process kept for the test's life. */
function spawnPrinting(script: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0] as string });
    });
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

async function startsAndStops(dir: string): Promise<void> {
  const engine = await startEmbeddedMongo({ port: 0, dbPath: dir });
  await engine.stop();
}

describe('dbPath lock', () => {
  it('refuses a second engine in the same process, saying what to do, and lets one in after the first stops', async () => {
    const dir = tempDir();
    const first = await startEmbeddedMongo({ port: 0, dbPath: dir });
    try {
      const error = (await startEmbeddedMongo({ port: 0, dbPath: dir }).catch((e: unknown) => e)) as DbPathInUseError;
      expect(error).toBeInstanceOf(DbPathInUseError);
      expect(error.message).toContain('another engine in this process');
      expect(error.message).toMatch(/another data directory .*no file to delete/);
    } finally {
      await first.stop();
    }
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toBe('');
    await startsAndStops(dir);
  });

  it('refuses while another live process holds the directory, naming it, and takes over once it is killed', async () => {
    const dir = tempDir();
    const holder = await startEngineProcess(dir);
    const error = (await startEmbeddedMongo({ port: 0, dbPath: dir }).catch((e: unknown) => e)) as DbPathInUseError;
    expect(error).toBeInstanceOf(DbPathInUseError);
    expect(error.holder?.pid).toBe(holder.pid);
    expect(error.message).toContain(`in use by process ${holder.pid} on ${os.hostname()}`);
    await holder.kill();
    expect(parseLockRecord(fs.readFileSync(lockFile(dir), 'utf8'))?.pid).toBe(holder.pid);
    await startsAndStops(dir);
  });

  it('takes over a lock that records this very pid, as a container restarted as pid 1 finds it', async () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, bootId, startTime: 1, host: 'old-container', since: '2020-01-01T00:00:00.000Z' }));
    await startsAndStops(dir);
    fs.writeFileSync(lockFile(dir), String(process.pid));
    await startsAndStops(dir);
  });

  it('takes over a lock written by an earlier version whose process is gone or a zombie, and respects one whose process runs', async () => {
    const dir = tempDir();
    const { line } = await spawnPrinting('sleep 0.1 & echo $!; exec sleep 30');
    const zombie = Number(line);
    await waitFor(() => processStatus(zombie)?.state === 'Z' || bootId === null);
    fs.writeFileSync(lockFile(dir), String(zombie));
    await startsAndStops(dir);

    const { child } = await spawnPrinting('echo started; exec sleep 30');
    fs.writeFileSync(lockFile(dir), String(child.pid));
    await expect(startEmbeddedMongo({ port: 0, dbPath: dir })).rejects.toThrow(`in use by process ${String(child.pid)}`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await startsAndStops(dir);
  });
});

describe('isDbPathInUse', () => {
  it('tells, without taking it, whether an engine holds the directory: none yet, one in another process, none after its kill', async () => {
    const dir = tempDir();
    expect(isDbPathInUse(dir)).toBe(false);
    const holder = await startEngineProcess(dir);
    expect(isDbPathInUse(dir)).toBe(true);
    expect(isDbPathInUse(dir)).toBe(true);
    await holder.kill();
    expect(isDbPathInUse(dir)).toBe(false);
    const engine = await startEmbeddedMongo({ port: 0, dbPath: dir });
    expect(isDbPathInUse(dir)).toBe(true);
    await engine.stop();
    expect(isDbPathInUse(dir)).toBe(false);
  });
});

describe('judging a lock record without an advisory lock', () => {
  linuxOnly('a live process with the recorded start time holds it', async () => {
    const { child } = await spawnPrinting('echo started; exec sleep 30');
    expect(recordedHolderMayBeRunning(record(child.pid as number))).toBe(true);
  });

  linuxOnly('a recycled pid (another start time), another boot, our own pid and a finished process do not', async () => {
    const { child } = await spawnPrinting('echo started; exec sleep 30');
    const pid = child.pid as number;
    const live = record(pid);
    expect(recordedHolderMayBeRunning({ ...live, startTime: (live.startTime as number) - 1 })).toBe(false);
    expect(recordedHolderMayBeRunning({ ...live, bootId: '00000000-0000-0000-0000-000000000000' })).toBe(false);
    expect(recordedHolderMayBeRunning(record(process.pid))).toBe(false);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(recordedHolderMayBeRunning(live)).toBe(false);
  });

  linuxOnly('a zombie does not', async () => {
    const { line } = await spawnPrinting('sleep 0.1 & echo $!; exec sleep 30');
    const zombie = Number(line);
    await waitFor(() => processStatus(zombie)?.state === 'Z');
    expect(recordedHolderMayBeRunning(record(zombie))).toBe(false);
  });
});
