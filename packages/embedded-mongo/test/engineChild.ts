import { startEmbeddedMongo } from '../src';

/** Runs an engine on a dbPath in a child process (for the SIGKILL test) and prints its URI. */
const [dbPath] = process.argv.slice(2);
startEmbeddedMongo({ port: 0, dbPath }).then(
  (engine) => process.stdout.write(`${engine.uri}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
