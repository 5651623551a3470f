import fs from 'node:fs';
import path from 'node:path';
import { loadMemoryServerPackage, memoryServerInstalled } from './memoryServer';

/** Where a mongod binary for mongodb-memory-server was found. */
export type MongodSource = 'MONGOMS_SYSTEM_BINARY' | 'PATH' | 'download cache';

export type DatabaseChoice =
  | { kind: 'uri'; uri: string }
  | { kind: 'memory-server'; binary: string; source: MongodSource }
  | { kind: 'embedded' };

/** Thrown when MONGOMS_SYSTEM_BINARY names no executable file: an explicit setting is never silently skipped. */
export class MongodBinaryError extends Error {
  override readonly name = 'MongodBinaryError';
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function mongodOnPath(env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, 'mongod')).find(isExecutableFile);
}

/** A mongod that mongodb-memory-server downloaded earlier (its own cache lookup, which never downloads); none without the package. */
async function mongodInDownloadCache(): Promise<string | undefined> {
  try {
    const { DryMongoBinary } = loadMemoryServerPackage();
    return await DryMongoBinary.locateBinary({ version: DryMongoBinary.getEnsuredOptions().version });
  } catch {
    return undefined;
  }
}

/**
 * DESIGN.md §6, the one order for the service and for the tests: MONGO_URI; else mongodb-memory-server when a
 * mongod exists (MONGOMS_SYSTEM_BINARY, a mongod on PATH, or the package's download cache); else the embedded engine.
 */
export async function chooseDatabase(
  mongoUri: string | undefined,
  env: NodeJS.ProcessEnv,
  findCached: () => Promise<string | undefined> = mongodInDownloadCache,
): Promise<DatabaseChoice> {
  if (mongoUri) return { kind: 'uri', uri: mongoUri };
  const systemBinary = env.MONGOMS_SYSTEM_BINARY?.trim();
  if (systemBinary) {
    if (!isExecutableFile(systemBinary)) throw new MongodBinaryError(`MONGOMS_SYSTEM_BINARY=${systemBinary} is not an executable file: fix or unset it`);
    if (!memoryServerInstalled()) throw new MongodBinaryError('MONGOMS_SYSTEM_BINARY is set but mongodb-memory-server-core is not installed (install the development dependencies)');
    return { kind: 'memory-server', binary: systemBinary, source: 'MONGOMS_SYSTEM_BINARY' };
  }
  if (!memoryServerInstalled()) return { kind: 'embedded' };
  const onPath = mongodOnPath(env);
  if (onPath) return { kind: 'memory-server', binary: onPath, source: 'PATH' };
  const cached = await findCached();
  if (cached) return { kind: 'memory-server', binary: cached, source: 'download cache' };
  return { kind: 'embedded' };
}
