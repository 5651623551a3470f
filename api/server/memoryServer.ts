type MemoryServerPackage = typeof import('mongodb-memory-server-core');

/**
 * mongodb-memory-server is a development dependency: loaded only when a mongod was found, so a production install
 * without it still starts (on MONGO_URI or the embedded engine).
 */
export function memoryServerInstalled(): boolean {
  try {
    require.resolve('mongodb-memory-server-core');
    return true;
  } catch {
    return false;
  }
}

export function loadMemoryServerPackage(): MemoryServerPackage {
  return require('mongodb-memory-server-core') as MemoryServerPackage;
}

export interface MemoryServer {
  /** The server's URI, ending in `/`. */
  uri: string;
  stop(): Promise<void>;
}

/**
 * A mongod run by mongodb-memory-server from an existing binary: never a download. With `dbPath` the data stays
 * there across restarts (wiredTiger); without, a temporary directory is used and removed on stop.
 */
export async function startMemoryServer(binary: string, options: { dbPath?: string } = {}): Promise<MemoryServer> {
  const { MongoMemoryServer } = loadMemoryServerPackage();
  const instance = options.dbPath ? { ip: '127.0.0.1', dbPath: options.dbPath, storageEngine: 'wiredTiger' as const } : { ip: '127.0.0.1' };
  const server = await MongoMemoryServer.create({ binary: { systemBinary: binary }, instance });
  return {
    uri: server.getUri(),
    stop: async () => {
      await server.stop({ doCleanup: !options.dbPath, force: false });
    },
  };
}
