export { startEmbeddedMongo } from './start';
export type { EmbeddedMongo, EmbeddedMongoOptions } from './start';
export { DbPathInUseError } from './journal/lock/dbPathLock';
