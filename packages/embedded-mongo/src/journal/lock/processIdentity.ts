import fs from 'node:fs';
import os from 'node:os';

/** Who a process is, in terms that survive pid reuse: the boot it ran in and its start time within that boot. */
export interface ProcessIdentity {
  pid: number;
  /** `/proc/sys/kernel/random/boot_id`; null where /proc is unavailable. */
  bootId: string | null;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks since boot); null where /proc is unavailable. */
  startTime: number | null;
  host: string;
}

export interface ProcessStatus {
  /** The one-letter state of `/proc/<pid>/stat` (`Z` for a zombie). */
  state: string;
  startTime: number;
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function currentBootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** State and start time of a running (or zombie) process; null when no such process exists or /proc is unavailable. */
export function processStatus(pid: number): ProcessStatus | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = Number(fields[19]);
  if (!state || !Number.isSafeInteger(startTime)) return null;
  return { state, startTime };
}

export function currentProcessIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    bootId: currentBootId(),
    startTime: processStatus(process.pid)?.startTime ?? null,
    host: os.hostname(),
  };
}
