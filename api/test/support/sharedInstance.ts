import { Mongoose } from 'mongoose';
import { createCredentialCipher, createLogger, createMethods } from '@mcp-registry/data-schemas';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import type { TestContext } from './context';
import { offlineLookup } from './offlineLookup';

export interface SharedInstance {
  app: App;
  methods: Methods;
  close(): Promise<void>;
}

/**
 * A second app process in all but name: its own mongoose connection, methods and memory, on the same database and
 * configuration as `ctx` (two replicas behind one load balancer).
 */
export async function startSharedInstance(ctx: TestContext, logger?: Logger): Promise<SharedInstance> {
  const { host, port, name } = ctx.mongoose.connection;
  const mongoose = new Mongoose();
  await mongoose.connect(`mongodb://${host}:${port}/${name}`, { serverSelectionTimeoutMS: 10_000 });
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(ctx.config.credsKey) });
  const log = logger ?? createLogger({ level: 'error', silent: true });
  const app = createApp({ config: ctx.config, methods, logger: log, isReady: async () => true, lookup: offlineLookup() });
  return { app, methods, close: () => mongoose.disconnect() };
}
