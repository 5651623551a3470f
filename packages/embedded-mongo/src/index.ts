export { startEmbeddedMongo } from './start';
export type { EmbeddedMongo, EmbeddedMongoOptions } from './start';
