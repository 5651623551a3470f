import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedMongo } from '@mcp-registry/embedded-mongo';
import type { AppConfig } from '@mcp-registry/data-provider';
import type { Logger } from '@mcp-registry/data-schemas';
import { chooseDatabase } from './databaseChoice';
import type { DatabaseChoice } from './databaseChoice';
import { startMemoryServer } from './memoryServer';

/**
 * While the server runs a database of its own, `DATA_DIR/engine.json` names it (URI, data directory) so the CLI
 * scripts connect to it; it counts only while that directory's `mongod.lock` is held.
 */
export const ENGINE_FILE = 'engine.json';

export interface DatabaseTarget {
  uri: string;
  /** Human-readable, for the start-up log (no credentials). */
  description: string;
  /** Stops the database when this process started one. */
  stop(): Promise<void>;
}

function dataSubdirectory(config: AppConfig, name: string): string {
  const dir = path.join(config.database.dataDir, name);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function remoteTarget(uri: string): DatabaseTarget {
  const host = new URL(uri.replace(/^mongodb\+srv:/, 'https:').replace(/^mongodb:/, 'http:')).host;
  return { uri, description: `MongoDB at ${host}`, stop: async () => undefined };
}

type LocalTarget = DatabaseTarget & { dbPath: string };

async function startMemoryServerIn(config: AppConfig, choice: Extract<DatabaseChoice, { kind: 'memory-server' }>, logger: Logger): Promise<LocalTarget> {
  const dbPath = dataSubdirectory(config, 'mongod');
  const server = await startMemoryServer(choice.binary, { dbPath });
  logger.info('[db] mongodb-memory-server started', { binary: choice.binary, foundIn: choice.source, dbPath });
  return { uri: server.uri, description: `mongod ${choice.binary} via mongodb-memory-server (data in ${dbPath})`, stop: server.stop, dbPath };
}

async function startEmbeddedIn(config: AppConfig, logger: Logger): Promise<LocalTarget> {
  const dbPath = dataSubdirectory(config, 'db');
  const engine = await startEmbeddedMongo({ port: 0, dbPath });
  logger.info('[db] embedded engine started', { dbPath, port: engine.port });
  return { uri: engine.uri, description: `embedded engine (data in ${dbPath})`, stop: engine.stop, dbPath };
}

/**
 * DESIGN.md §6 in the order of `chooseDatabase`: MONGO_URI, else mongodb-memory-server where a mongod exists
 * (persisted under DATA_DIR/mongod), else the embedded engine (persisted under DATA_DIR/db).
 */
export async function openDatabase(config: AppConfig, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<DatabaseTarget> {
  const choice = await chooseDatabase(config.database.mongoUri, env);
  if (choice.kind === 'uri') return remoteTarget(choice.uri);
  const local = choice.kind === 'memory-server' ? await startMemoryServerIn(config, choice, logger) : await startEmbeddedIn(config, logger);
  const url = new URL(local.uri);
  url.pathname = '/mcp-registry';
  const uri = url.toString();
  const engineFile = path.join(config.database.dataDir, ENGINE_FILE);
  fs.writeFileSync(engineFile, JSON.stringify({ uri, pid: process.pid, dbPath: local.dbPath }), { mode: 0o600 });
  const stop = async () => {
    fs.rmSync(engineFile, { force: true });
    await local.stop();
  };
  return { uri, description: local.description, stop };
}
