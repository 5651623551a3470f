export { startEmbeddedMongo } from './start';
export type { EmbeddedMongo, EmbeddedMongoOptions } from './start';
export { DbPathInUseError, isDbPathInUse } from './journal/lock/dbPathLock';
