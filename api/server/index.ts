import fs from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dotenv from 'dotenv';
import mongoose from 'mongoose';
import { bootstrap } from '@mcp-registry/api';
import { DbPathInUseError } from '@mcp-registry/embedded-mongo';
import type { AppConfig } from '@mcp-registry/data-provider';
import { createCredentialCipher, createLogger, createMethods, ensureIndexes } from '@mcp-registry/data-schemas';
import type { Logger } from '@mcp-registry/data-schemas';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/loadConfig';
import { openDatabase } from './database';
import { hasClientBuild } from './middleware/clientApp';

export interface RunningServer {
  url: string;
  config: AppConfig;
  server: Server;
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

function printFirstAdmin(email: string, password: string): void {
  const lines = [
    '',
    '  First administrator created. This password is shown once:',
    `    email:    ${email}`,
    `    password: ${password}`,
    '  Log in and change it, or set ADMIN_EMAIL / ADMIN_PASSWORD before the first start.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** R10: load config, open the database (or the embedded engine), seed, listen. `stop()` undoes it in order. */
export async function start(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunningServer> {
  const cwd = options.cwd ?? process.cwd();
  const { config, secrets, configFile } = loadConfig({ env: options.env, cwd });
  const logger: Logger = createLogger({ level: config.log.level, json: config.env === 'production' });
  if (secrets.generated.length > 0 || secrets.fromFile.length > 0) {
    logger.warn('[config] using development secrets from the data directory; set them in the environment for production', {
      file: secrets.file,
      variables: secrets.fromFile,
      generatedNow: secrets.generated,
    });
  }
  if (configFile) logger.info('[config] configuration file loaded', { configFile });

  const db = await openDatabase(config, logger, options.env ?? process.env);
  try {
    await mongoose.connect(db.uri, { serverSelectionTimeoutMS: 10_000 });
  } catch (error) {
    await db.stop();
    throw error;
  }
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  await ensureIndexes(mongoose);
  const seeded = await bootstrap({ ...methods, logger }, { adminEmail: config.admin.email, adminPassword: config.admin.password });
  if (seeded.admin) logger.info('[bootstrap] first administrator created', { email: seeded.admin.email });
  if (seeded.admin && seeded.generatedPassword) printFirstAdmin(seeded.admin.email, seeded.generatedPassword);

  const isReady = async () => {
    try {
      await mongoose.connection.db?.admin().ping();
      return mongoose.connection.readyState === 1;
    } catch {
      return false;
    }
  };
  const clientDir = path.resolve(__dirname, '../../../client/dist');
  const servesClient = hasClientBuild(clientDir);
  if (!servesClient) logger.info('[server] the web client is not built; serving the API only', { clientDir });
  const app = createApp({ config, methods, logger, isReady, ...(servesClient ? { clientDir } : {}) });
  const yamlServers = await app.services.mcpServers.syncYaml({ organizationId: String(seeded.organization._id), servers: config.mcpServers });
  logger.info('[mcp servers] configuration servers synchronised', { ...yamlServers });
  const httpServer = createServer(app);
  await listen(httpServer, config.server.port, config.server.host);
  const { port } = httpServer.address() as AddressInfo;
  const url = config.server.publicUrl ?? `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  logger.info('[server] listening', { url, database: db.description });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('[server] shutting down');
      await closeServer(httpServer);
      await app.services.mcp.shutdown();
      await mongoose.disconnect();
      await db.stop();
      logger.info('[server] stopped');
    })());
  return { url, config, server: httpServer, stop };
}

function loadDotenv(cwd: string): void {
  const file = path.join(cwd, '.env');
  if (fs.existsSync(file)) dotenv.config({ path: file, quiet: true });
}

/** Signal handlers go in before start-up, so a SIGTERM during start still shuts down in order. */
async function main(): Promise<void> {
  loadDotenv(process.cwd());
  const starting = start();
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal} received, shutting down\n`);
    starting
      .then((running) => running.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await starting;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const explained = error instanceof ConfigError || error instanceof DbPathInUseError;
    process.stderr.write(explained ? `${error.message}\n` : `Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
