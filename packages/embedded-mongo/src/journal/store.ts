import fs from 'node:fs';
import path from 'node:path';

import type { Durability } from '../executor';
import type { Catalog, Mutation, MutationSink } from '../storage/catalog';
import { fsyncDirectory, writeSnapshot } from './compaction';
import { acquireLock } from './lock/dbPathLock';
import { encodeRecord } from './record';
import { replayFile } from './replay';

const DEFAULT_COMPACT_BYTES = 64 * 1024 * 1024;
const SNAPSHOT = /^snapshot\.(\d+)\.bson$/;

export interface JournalOptions {
  compactBytes?: number;
}

const snapshotFile = (dir: string, gen: number): string => path.join(dir, `snapshot.${gen}.bson`);
const journalFile = (dir: string, gen: number): string => path.join(dir, `journal.${gen}.log`);

function latestGeneration(dir: string): number {
  let latest = 0;
  for (const name of fs.readdirSync(dir)) {
    const match = SNAPSHOT.exec(name);
    if (match) latest = Math.max(latest, Number(match[1]));
  }
  return latest;
}

function removeStale(dir: string, gen: number): void {
  for (const name of fs.readdirSync(dir)) {
    const match = /^(snapshot|journal)\.(\d+)\.(bson|log)(\.tmp)?$/.exec(name);
    if (match && (Number(match[2]) < gen || match[4])) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Append-only journal + snapshot. Records are written (to the OS) before they are applied; replies wait
 * for one fsync per batch of queued writes; the journal is compacted into a snapshot when it grows.
 */
export class Journal implements MutationSink, Durability {
  private fd: number;
  private size: number;
  private dirty = false;
  private syncing = false;
  private scheduled = false;
  private failed: Error | null = null;
  private waiting: Array<() => void> = [];

  constructor(
    private readonly dir: string,
    private gen: number,
    private readonly catalog: Catalog,
    private readonly compactBytes: number,
    private readonly unlock: () => void,
  ) {
    this.fd = fs.openSync(journalFile(dir, gen), 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  append(mutation: Mutation): void {
    if (this.failed) throw new Error(`journal is unavailable: ${this.failed.message}`);
    const frame = encodeRecord(mutation);
    let written = 0;
    while (written < frame.length) written += fs.writeSync(this.fd, frame, written);
    this.size += frame.length;
    this.dirty = true;
  }

  whenDurable(done: () => void): void {
    if (!this.dirty && !this.syncing && this.waiting.length === 0) {
      done();
      return;
    }
    this.waiting.push(done);
    this.schedule();
  }

  flush(): Promise<void> {
    return new Promise((resolve) => this.whenDurable(resolve));
  }

  close(): void {
    fs.closeSync(this.fd);
    this.unlock();
  }

  private schedule(): void {
    if (this.syncing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.sync();
    });
  }

  private sync(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (!this.dirty) {
      for (const done of batch) done();
      return;
    }
    this.dirty = false;
    this.syncing = true;
    fs.fsync(this.fd, (error) => {
      this.syncing = false;
      if (error) {
        this.failed = error;
        process.emitWarning(`[embedded-mongo] journal fsync failed, writes are refused from now on: ${error.message}`);
        return;
      }
      if (this.size >= this.compactBytes) this.compact();
      for (const done of batch) done();
      if (this.waiting.length > 0) this.schedule();
    });
  }

  /** Snapshot generation n+1 holds everything; then journal n+1 starts empty and generation n is removed. */
  compact(): void {
    const next = this.gen + 1;
    writeSnapshot(this.catalog, snapshotFile(this.dir, next));
    const fd = fs.openSync(journalFile(this.dir, next), 'a');
    fs.fsyncSync(fd);
    fsyncDirectory(this.dir);
    fs.closeSync(this.fd);
    this.fd = fd;
    this.size = 0;
    this.dirty = false;
    removeStale(this.dir, next);
    this.gen = next;
  }
}

/** Loads snapshot + journal from `dir` into the catalog and returns the journal that records from now on. */
export function openJournal(dir: string, catalog: Catalog, options: JournalOptions = {}): Journal {
  fs.mkdirSync(dir, { recursive: true });
  const unlock = acquireLock(dir);
  try {
    const gen = latestGeneration(dir);
    removeStale(dir, gen);
    if (fs.existsSync(snapshotFile(dir, gen))) replayFile(snapshotFile(dir, gen), catalog, false);
    const log = journalFile(dir, gen);
    if (fs.existsSync(log)) {
      const result = replayFile(log, catalog, true);
      if (result.tornTail) fs.truncateSync(log, result.validBytes);
    }
    const journal = new Journal(dir, gen, catalog, options.compactBytes ?? DEFAULT_COMPACT_BYTES, unlock);
    catalog.sink = journal;
    return journal;
  } catch (error) {
    unlock();
    throw error;
  }
}
