#!/usr/bin/env node
import { startEmbeddedMongo } from './start';

interface CliOptions {
  port: number;
  host: string;
  dbPath?: string;
}

const USAGE = 'usage: embedded-mongo [--port 27017] [--host 127.0.0.1] [--db-path ./data]';

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (value === undefined) throw new Error(`missing value for ${String(flag)}\n${USAGE}`);
    i += 1;
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--host' || flag === '--bind_ip') options.host = value;
    else if (flag === '--db-path' || flag === '--dbpath') options.dbPath = value;
    else throw new Error(`unknown option ${String(flag)}\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`invalid port\n${USAGE}`);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const engine = await startEmbeddedMongo(options);
  process.stdout.write(`embedded-mongo listening on ${engine.uri}${options.dbPath ? ` (data in ${options.dbPath})` : ' (memory only)'}\n`);
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
