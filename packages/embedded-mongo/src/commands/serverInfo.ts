import os from 'node:os';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { MAX_BSON_OBJECT_BYTES } from '../wire/constants';
import type { CommandContext } from './context';

export const SERVER_VERSION = '7.0.0';

export const ping = (): Doc => ({ ok: 1 });

export const buildInfo = (): Doc => ({
  version: SERVER_VERSION,
  gitVersion: 'embedded-mongo',
  versionArray: [7, 0, 0, 0],
  modules: [],
  allocator: 'system',
  javascriptEngine: 'none',
  sysInfo: 'deprecated',
  openssl: { running: 'disabled' },
  buildEnvironment: {},
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_BYTES,
  storageEngines: ['embedded'],
  ok: 1,
});

export const noOp = (): Doc => ({ ok: 1 });

export const getParameter = (_ctx: CommandContext, cmd: Doc): Doc => ({
  ...(cmd.featureCompatibilityVersion !== undefined || cmd.getParameter === '*' ? { featureCompatibilityVersion: { version: '7.0' } } : {}),
  ok: 1,
});

export const getCmdLineOpts = (ctx: CommandContext): Doc => ({
  argv: ['embedded-mongo'],
  parsed: { net: { bindIp: ctx.engine.host, port: ctx.engine.port }, ...(ctx.engine.dbPath ? { storage: { dbPath: ctx.engine.dbPath } } : {}) },
  ok: 1,
});

export const hostInfo = (): Doc => ({
  system: { currentTime: new Date(), hostname: os.hostname(), cpuAddrSize: 64, memSizeMB: Math.round(os.totalmem() / 1048576), numCores: os.cpus().length, cpuArch: os.arch() },
  os: { type: os.type(), name: os.platform(), version: os.release() },
  extra: {},
  ok: 1,
});

export const serverStatus = (ctx: CommandContext): Doc => {
  const uptimeMillis = Date.now() - ctx.engine.startedAt.getTime();
  return {
    host: `${os.hostname()}:${ctx.engine.port}`,
    version: SERVER_VERSION,
    process: 'embedded-mongo',
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    localTime: new Date(),
    connections: { current: ctx.engine.connections(), available: 100000 },
    mem: { bits: 64, resident: Math.round(process.memoryUsage().rss / 1048576) },
    ok: 1,
  };
};

export const connectionStatus = (): Doc => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 });

export const whatsmyuri = (ctx: CommandContext): Doc => ({ you: ctx.connection.remote, ok: 1 });

export const getLog = (_ctx: CommandContext, cmd: Doc): Doc =>
  cmd.getLog === '*' ? { names: ['global', 'startupWarnings'], ok: 1 } : { totalLinesWritten: 0, log: [], ok: 1 };

export const replSetGetStatus = (): Doc => {
  throw new MongoCommandError(76, 'not running with --replSet');
};

export const transactionsRefused = (): Doc => {
  throw new MongoCommandError(20, 'Transaction numbers are only allowed on a replica set member or mongos');
};
