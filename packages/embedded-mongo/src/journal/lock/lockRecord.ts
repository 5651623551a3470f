import type { ProcessIdentity } from './processIdentity';

/** What `mongod.lock` says about its writer. A bare pid is the format of earlier versions (legacy). */
export interface LockRecord extends ProcessIdentity {
  since: string | null;
  legacy: boolean;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function optionalInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function parseJsonRecord(text: string): LockRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const pid = optionalInteger(record.pid);
  if (pid === null || pid <= 0) return null;
  return {
    pid,
    bootId: optionalString(record.bootId),
    startTime: optionalInteger(record.startTime),
    host: optionalString(record.host) ?? '',
    since: optionalString(record.since),
    legacy: false,
  };
}

/** Null for an empty file (a clean shutdown) or unreadable content. */
export function parseLockRecord(text: string): LockRecord | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) {
    const pid = Number(trimmed);
    return pid > 0 ? { pid, bootId: null, startTime: null, host: '', since: null, legacy: true } : null;
  }
  return parseJsonRecord(trimmed);
}

export function formatLockRecord(identity: ProcessIdentity, since: Date): string {
  const { pid, bootId, startTime, host } = identity;
  return `${JSON.stringify({ pid, bootId, startTime, host, since: since.toISOString() })}\n`;
}
