import { Mongoose } from 'mongoose';
import type { AppConfig } from '@mcp-registry/data-provider';
import { createCredentialCipher, createMethods } from '@mcp-registry/data-schemas';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import type { TestContext } from './context';
import { offlineLookup } from './offlineLookup';

export interface Replica {
  app: App;
  methods: Methods;
  close(): Promise<void>;
}

/**
 * Another instance of the service on the context's database: its own connection, methods, actor cache and app, the
 * same secrets — what a second replica behind a load balancer is.
 */
export async function createReplica(ctx: TestContext, config: AppConfig = ctx.config, logger: Logger = ctx.logger): Promise<Replica> {
  const { host, port, name } = ctx.mongoose.connection;
  const mongoose = new Mongoose();
  await mongoose.connect(`mongodb://${host}:${port}/${name}`, { serverSelectionTimeoutMS: 10_000 });
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  const app = createApp({ config, methods, logger, isReady: async () => true, lookup: offlineLookup() });
  return { app, methods, close: () => mongoose.disconnect() };
}
