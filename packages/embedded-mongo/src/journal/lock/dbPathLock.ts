import fs from 'node:fs';
import path from 'node:path';

import { releaseExclusiveLock, tryExclusiveLock } from './advisoryLock';
import { formatLockRecord, parseLockRecord } from './lockRecord';
import type { LockRecord } from './lockRecord';
import { currentProcessIdentity } from './processIdentity';
import { recordedHolderMayBeRunning } from './recordedHolder';

export const LOCK_FILE = 'mongod.lock';

/** Start-up refused because another engine holds the data directory. */
export class DbPathInUseError extends Error {
  override readonly name = 'DbPathInUseError';

  constructor(
    readonly dbPath: string,
    readonly holder: LockRecord | null,
    kernelLock: boolean,
  ) {
    super(describeRefusal(dbPath, holder, kernelLock));
  }
}

function describeHolder(holder: LockRecord | null): string {
  if (!holder) return 'another process';
  const self = currentProcessIdentity();
  if (holder.pid === self.pid && holder.startTime === self.startTime && holder.bootId === self.bootId) return 'another engine in this process';
  if (holder.pid === self.pid) return `a process of another container or pid namespace (recorded as pid ${holder.pid})`;
  const where = holder.host ? ` on ${holder.host}` : '';
  const since = holder.since ? ` since ${holder.since}` : '';
  return `process ${holder.pid}${where}${since}`;
}

function describeRefusal(dbPath: string, holder: LockRecord | null, kernelLock: boolean): string {
  const lockFile = path.join(dbPath, LOCK_FILE);
  const remedy = kernelLock
    ? 'The lock is released by the kernel as soon as that process exits: there is no file to delete.'
    : `This file system offers no advisory lock, so the record in ${lockFile} was trusted: if that process is gone, delete the file.`;
  return `dbPath ${dbPath} is in use by ${describeHolder(holder)}. Stop that process first, or give this one another data directory (--db-path, DATA_DIR). ${remedy}`;
}

function readRecord(fd: number): LockRecord | null {
  const size = fs.fstatSync(fd).size;
  const bytes = Buffer.alloc(Math.min(size, 4096));
  const read = fs.readSync(fd, bytes, 0, bytes.length, 0);
  return parseLockRecord(bytes.subarray(0, read).toString('utf8'));
}

function writeRecord(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  fs.ftruncateSync(fd, 0);
  let written = 0;
  while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written, written);
  fs.fsyncSync(fd);
}

function refusal(fd: number, dbPath: string, previous: LockRecord | null): DbPathInUseError | null {
  const outcome = tryExclusiveLock(fd);
  if (outcome === 'busy') return new DbPathInUseError(dbPath, previous, true);
  const trustRecord = outcome === 'unsupported' || previous?.legacy === true;
  if (trustRecord && previous && recordedHolderMayBeRunning(previous)) return new DbPathInUseError(dbPath, previous, outcome === 'granted');
  return null;
}

/**
 * Whether an engine (or anything honouring `mongod.lock`) holds `dbPath` now, judged exactly as start-up judges
 * it, without taking the directory.
 */
export function isDbPathInUse(dbPath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dbPath, LOCK_FILE), fs.constants.O_RDWR);
  } catch {
    return false;
  }
  try {
    return refusal(fd, dbPath, readRecord(fd)) !== null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One engine per dbPath. `mongod.lock` carries an advisory lock for as long as the engine runs — the kernel drops
 * it when the process dies, however it dies, so a crash never leaves the directory locked — and names the
 * holder (pid, boot id, start time) for the refusal message and for file systems without advisory locks.
 * Returns the release function; a clean release empties the file.
 */
export function acquireLock(dbPath: string): () => void {
  const fd = fs.openSync(path.join(dbPath, LOCK_FILE), fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  try {
    const refused = refusal(fd, dbPath, readRecord(fd));
    if (refused) throw refused;
    writeRecord(fd, formatLockRecord(currentProcessIdentity(), new Date()));
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      fs.ftruncateSync(fd, 0);
      releaseExclusiveLock(fd);
    } finally {
      fs.closeSync(fd);
    }
  };
}
