import { Mongoose } from 'mongoose';
import type { AppConfigInput } from '@mcp-registry/data-provider';
import { createLogger, createMethods } from '@mcp-registry/data-schemas';
import { createApp } from '../../server/app';
import { testConfig } from './testConfig';

/** The app's route table and served document need no database: an unconnected mongoose is enough to build it. */
export function appWithoutDatabase(configOverrides: Partial<AppConfigInput> = {}) {
  return createApp({
    config: testConfig(configOverrides),
    methods: createMethods(new Mongoose()),
    logger: createLogger({ silent: true }),
    isReady: async () => false,
  });
}
