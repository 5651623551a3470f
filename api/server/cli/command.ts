import { parseArgs } from 'node:util';
import { ApiError } from '@mcp-registry/api';
import { InvalidCursorError } from '@mcp-registry/data-schemas';
import { ConfigError } from '../config/loadConfig';
import { openCliDatabase } from './cliDatabase';
import type { CliDatabase } from './cliDatabase';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Shown in the usage line, e.g. `<email>`. */
  placeholder?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandSpec<I> {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Extra lines for --help (examples, caveats). */
  notes?: string[];
  /** Checks the options and returns the typed input; throws UsageError listing every problem. */
  parse(values: OptionValues): I;
  run(db: CliDatabase, input: I, out: (line: string) => void): Promise<void>;
}

/** Bad command-line input: exit code 2. */
export class UsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const EMBEDDED_NOTE =
  'Without MONGO_URI the command uses the embedded database in DATA_DIR (through the running server, if one is up).';

export function helpText(spec: CommandSpec<unknown>): string {
  const width = Math.max(...Object.entries(spec.options).map(([k, o]) => k.length + (o.placeholder?.length ?? 0)), 4) + 4;
  const lines = Object.entries(spec.options).map(([key, o]) => {
    const flag = `--${key}${o.placeholder ? ` ${o.placeholder}` : ''}`;
    return `  ${flag.padEnd(width + 2)} ${o.description}`;
  });
  return [
    `Usage: npm run ${spec.name} -- [options]`,
    '',
    spec.summary,
    '',
    'Options:',
    ...lines,
    `  ${'--help'.padEnd(width + 2)} Show this help`,
    '',
    ...(spec.notes ?? []),
    EMBEDDED_NOTE,
    'Configuration comes from the environment, .env and CONFIG_PATH, as for the server.',
    '',
  ].join('\n');
}

function readArgs(spec: CommandSpec<unknown>, argv: string[]): OptionValues | 'help' {
  const options = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type }]));
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) return 'help';
    return values as OptionValues;
  } catch (error) {
    throw new UsageError([(error as Error).message.split('\n')[0] ?? 'Invalid arguments']);
  }
}

function describeApiError(error: ApiError): string[] {
  const details = Array.isArray(error.details) ? (error.details as Array<{ field?: string; message?: string }>) : [];
  return [error.message, ...details.map((d) => `  ${d.field ? `${d.field}: ` : ''}${d.message ?? ''}`)];
}

/** Runs one command to completion and returns its exit code; never throws. */
export async function runCommand<I>(spec: CommandSpec<I>, argv: string[], io: CliIo): Promise<number> {
  const err = (line: string) => io.stderr.write(`${spec.name}: ${line}\n`);
  let db: CliDatabase | undefined;
  try {
    const values = readArgs(spec as CommandSpec<unknown>, argv);
    if (values === 'help') {
      io.stdout.write(helpText(spec as CommandSpec<unknown>));
      return EXIT_OK;
    }
    const input = spec.parse(values);
    db = await openCliDatabase(io);
    await spec.run(db, input, (line) => io.stdout.write(`${line}\n`));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      err('--after is not a cursor printed by list-users');
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      error.problems.forEach(err);
      err('run with --help for usage');
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      err(error.message);
      return EXIT_FAILED;
    }
    if (error instanceof ApiError) {
      describeApiError(error).forEach(err);
      return error.status === 400 ? EXIT_USAGE : EXIT_FAILED;
    }
    err(`failed: ${(error as Error).message ?? String(error)}`);
    return EXIT_FAILED;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
