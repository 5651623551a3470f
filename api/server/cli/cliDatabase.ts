import fs from 'node:fs';
import path from 'node:path';
import { Mongoose } from 'mongoose';
import { isDbPathInUse } from '@mcp-registry/embedded-mongo';
import type { AppConfig } from '@mcp-registry/data-provider';
import { createCredentialCipher, createLogger, createMethods, ensureIndexes } from '@mcp-registry/data-schemas';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { loadConfig } from '../config/loadConfig';
import { ENGINE_FILE, openDatabase } from '../database';
import type { DatabaseTarget } from '../database';
import type { CliIo } from './command';

export interface CliDatabase {
  config: AppConfig;
  methods: Methods;
  logger: Logger;
  /** Methods plus the logger: the deps object services take. */
  deps: Methods & { logger: Logger };
  close(): Promise<void>;
}

/**
 * The database of a running server (named in DATA_DIR/engine.json): one data directory must have one engine. The
 * file counts only while its data directory is locked, so one left behind by a killed server is ignored.
 */
function runningEngine(config: AppConfig): DatabaseTarget | undefined {
  if (config.database.mongoUri) return undefined;
  const file = path.join(config.database.dataDir, ENGINE_FILE);
  if (!fs.existsSync(file)) return undefined;
  try {
    const { uri, dbPath } = JSON.parse(fs.readFileSync(file, 'utf8')) as { uri?: unknown; dbPath?: unknown };
    if (typeof uri !== 'string' || typeof dbPath !== 'string' || !isDbPathInUse(dbPath)) return undefined;
    return { uri, description: 'the running server’s database', stop: async () => undefined };
  } catch {
    return undefined;
  }
}

/**
 * The service's configuration and database, opened as the server opens them (logs go to stderr). With the
 * embedded engine, a running server's engine is used when there is one.
 */
export async function openCliDatabase(io: CliIo): Promise<CliDatabase> {
  const { config } = loadConfig({ env: io.env, cwd: io.cwd });
  const logger = createLogger({ level: 'warn', stream: io.stderr });
  const target = runningEngine(config) ?? (await openDatabase(config, logger, io.env));
  const mongoose = new Mongoose();
  try {
    await mongoose.connect(target.uri, { serverSelectionTimeoutMS: 10_000 });
  } catch (error) {
    await target.stop();
    throw error;
  }
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  await ensureIndexes(mongoose);
  return {
    config,
    methods,
    logger,
    deps: { ...methods, logger },
    close: async () => {
      await mongoose.disconnect();
      await target.stop();
    },
  };
}
