import { aggregate } from './aggregate';
import { collMod, collStats, dbStats, renameCollection } from './collectionAdmin';
import type { CommandHandler } from './context';
import { count } from './count';
import { create } from './create';
import { createIndexes } from './createIndexes';
import { deleteCommand } from './delete';
import { distinct } from './distinct';
import { drop, dropDatabase } from './drop';
import { dropIndexes } from './dropIndexes';
import { explain } from './explain';
import { find } from './find';
import { findAndModify } from './findAndModify';
import { getMore } from './getMore';
import { hello, isMaster } from './hello';
import { insert } from './insert';
import { killCursors } from './killCursors';
import { listCollections } from './listCollections';
import { listDatabases } from './listDatabases';
import { listIndexes } from './listIndexes';
import {
  buildInfo,
  connectionStatus,
  getCmdLineOpts,
  getLog,
  getParameter,
  hostInfo,
  noOp,
  ping,
  replSetGetStatus,
  serverStatus,
  transactionsRefused,
  whatsmyuri,
} from './serverInfo';
import { endSessions } from './sessions';
import { update } from './update';

const TABLE: Record<string, CommandHandler> = {
  hello,
  isMaster,
  ismaster: isMaster,
  ping,
  buildInfo,
  buildinfo: buildInfo,
  endSessions,
  refreshSessions: noOp,
  killSessions: endSessions,
  killAllSessions: noOp,
  killAllSessionsByPattern: noOp,
  startSession: noOp,
  logout: noOp,
  getParameter,
  getCmdLineOpts,
  hostInfo,
  serverStatus,
  connectionStatus,
  whatsmyuri,
  getLog,
  replSetGetStatus,
  commitTransaction: transactionsRefused,
  abortTransaction: transactionsRefused,
  insert,
  update,
  delete: deleteCommand,
  find,
  getMore,
  killCursors,
  findAndModify,
  count,
  distinct,
  aggregate,
  explain,
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  renameCollection,
  collStats,
  dbStats,
  collMod,
};

/** Command name (lower-cased) → handler. */
export const COMMANDS = new Map<string, CommandHandler>(Object.entries(TABLE).map(([name, handler]) => [name.toLowerCase(), handler]));

export const COMMAND_NAMES = Object.keys(TABLE);
