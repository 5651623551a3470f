import { Catalog } from './storage/catalog';
import { CursorStore } from './storage/cursors';
import { Executor } from './executor';
import { openJournal } from './journal/store';
import { WireServer } from './server';

export interface EmbeddedMongoOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Persist under this directory (journal + snapshot); memory-only when absent. */
  dbPath?: string;
  /** Journal size that triggers compaction into a snapshot (default 64 MiB). */
  compactBytes?: number;
}

export interface EmbeddedMongo {
  uri: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

function uriFor(host: string, port: number): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return `mongodb://${shown}:${port}/`;
}

/** Starts a MongoDB-wire-compatible server in this process. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const catalog = new Catalog();
  const journal = options.dbPath ? openJournal(options.dbPath, catalog, { compactBytes: options.compactBytes }) : null;
  const cursors = new CursorStore();
  let server: WireServer | null = null;
  const engine = { host, port: 0, startedAt: new Date(), dbPath: options.dbPath, connections: () => server?.connectionCount ?? 0 };
  const executor = new Executor({ catalog, cursors, engine, durability: journal });
  server = new WireServer(executor);
  let port: number;
  try {
    port = await server.listen(host, options.port ?? 0);
  } catch (error) {
    journal?.close();
    throw error;
  }
  engine.port = port;
  const sweeper = setInterval(() => cursors.sweep(), 60_000);
  sweeper.unref();
  let stopped: Promise<void> | null = null;
  const running = server;
  return {
    uri: uriFor(host, port),
    host,
    port,
    stop() {
      stopped ??= (async () => {
        clearInterval(sweeper);
        await running.close();
        await journal?.flush();
        journal?.close();
      })();
      return stopped;
    },
  };
}
