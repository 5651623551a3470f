import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedMongo } from '@mcp-registry/embedded-mongo';
import type { AppConfig } from '@mcp-registry/data-provider';
import type { Logger } from '@mcp-registry/data-schemas';

/** While the server runs its embedded engine, `DATA_DIR/engine.json` names it so the CLI scripts connect to it. */
export const ENGINE_FILE = 'engine.json';

export interface DatabaseTarget {
  uri: string;
  /** Human-readable, for the start-up log (no credentials). */
  description: string;
  /** Stops the embedded engine when one was started. */
  stop(): Promise<void>;
}

/**
 * DESIGN.md §6: MONGO_URI when set; otherwise the embedded engine on 127.0.0.1, persisted under DATA_DIR/db.
 * (mongodb-memory-server is not installed in this project, so step 2 of §6 is skipped.)
 */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<DatabaseTarget> {
  if (config.database.mongoUri) {
    const host = new URL(config.database.mongoUri.replace(/^mongodb\+srv:/, 'https:').replace(/^mongodb:/, 'http:')).host;
    return { uri: config.database.mongoUri, description: `MongoDB at ${host}`, stop: async () => undefined };
  }
  const dbPath = path.join(config.database.dataDir, 'db');
  fs.mkdirSync(dbPath, { recursive: true, mode: 0o700 });
  const engine = await startEmbeddedMongo({ port: 0, dbPath });
  logger.info('[db] embedded engine started', { dbPath, port: engine.port });
  const url = new URL(engine.uri);
  url.pathname = '/mcp-registry';
  const uri = url.toString();
  const engineFile = path.join(config.database.dataDir, ENGINE_FILE);
  fs.writeFileSync(engineFile, JSON.stringify({ uri, pid: process.pid }), { mode: 0o600 });
  const stop = async () => {
    fs.rmSync(engineFile, { force: true });
    await engine.stop();
  };
  return { uri, description: `embedded engine (data in ${dbPath})`, stop };
}
