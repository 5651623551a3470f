import type { Catalog } from '../storage/catalog';
import type { CursorStore } from '../storage/cursors';
import type { LocalSessions } from '../storage/sessions';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';

export interface ConnectionInfo {
  id: number;
  remote: string;
  client?: Doc;
}

export interface EngineInfo {
  host: string;
  port: number;
  startedAt: Date;
  dbPath?: string;
  connections: () => number;
}

export interface CommandContext {
  catalog: Catalog;
  cursors: CursorStore;
  sessions: LocalSessions;
  connection: ConnectionInfo;
  engine: EngineInfo;
}

export type CommandHandler = (ctx: CommandContext, cmd: Doc, db: string) => Doc | EncodedReply;
