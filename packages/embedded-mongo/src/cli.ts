#!/usr/bin/env node
import { SERVER_VERSION } from './commands/serverInfo';
import { startEmbeddedMongo } from './start';

interface CliOptions {
  port: number;
  host: string;
  dbPath?: string;
}

const USAGE = 'usage: embedded-mongo [--port 27017] [--host 127.0.0.1] [--db-path ./data] [--version]';

/** mongod flags accepted so that tools which spawn a mongod (mongodb-memory-server) can run this engine; no effect here. */
const IGNORED_WITH_VALUE = new Set(['--storageEngine']);
const IGNORED_FLAGS = new Set(['--noauth']);

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (IGNORED_FLAGS.has(flag)) continue;
    if (value === undefined) throw new Error(`missing value for ${flag}\n${USAGE}`);
    i += 1;
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--host' || flag === '--bind_ip') options.host = value;
    else if (flag === '--db-path' || flag === '--dbpath') options.dbPath = value;
    else if (!IGNORED_WITH_VALUE.has(flag)) throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`invalid port\n${USAGE}`);
  return options;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--version') {
    process.stdout.write(`db version v${SERVER_VERSION}-embedded\n`);
    return;
  }
  const options = parseArgs(process.argv.slice(2));
  const engine = await startEmbeddedMongo(options);
  const where = options.dbPath ? ` (data in ${options.dbPath})` : ' (memory only)';
  process.stdout.write(`embedded-mongo listening on ${engine.uri}${where}: Waiting for connections\n`);
  const shutdown = (): void => {
    engine.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
