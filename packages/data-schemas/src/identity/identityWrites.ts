import type { Connection, Schema } from 'mongoose';

/** The collections an authenticated caller's identity is built from. */
export type IdentitySource = 'users' | 'roles' | 'groups' | 'apiKeys';

export type IdentityWriteListener = (source: IdentitySource) => void;

const QUERY_WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'replaceOne', 'deleteOne', 'deleteMany'] as const;
const DOCUMENT_WRITES = ['save'] as const;
const MODEL_WRITES = ['insertMany', 'bulkWrite'] as const;

const listeners = new WeakMap<Connection, Set<IdentityWriteListener>>();

/** Calls `listener` after every write (acknowledged or failed) to an identity collection through `connection`. */
export function watchIdentityWrites(connection: Connection, listener: IdentityWriteListener): () => void {
  let set = listeners.get(connection);
  if (!set) listeners.set(connection, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** The connection behind a query, a document or a model; read from properties, so any copy of mongoose works. */
function connectionOf(context: unknown): Connection | undefined {
  const holder = context as { model?: { db?: Connection }; db?: Connection; getFilter?: unknown };
  if (typeof holder.getFilter === 'function') return holder.model?.db;
  return holder.db;
}

function notify(context: unknown, source: IdentitySource): void {
  const connection = connectionOf(context);
  if (!connection) return;
  for (const listener of listeners.get(connection) ?? []) listener(source);
}

/**
 * Schema plugin: every write through a model of the schema tells the connection's watchers, once it is acknowledged
 * or has failed (a failed write may still have landed). The actor cache listens, so a change to a user, role, group
 * or API key shows on the next request of this process.
 */
export function identityWrites(source: IdentitySource) {
  return function identityWritesPlugin(schema: Schema): void {
    const after = function (this: unknown): void {
      notify(this, source);
    };
    const afterError = function (this: unknown, error: Error, _result: unknown, next: (error: Error) => void): void {
      notify(this, source);
      next(error);
    };
    for (const op of QUERY_WRITES) {
      schema.post(op, { query: true, document: false }, after);
      schema.post(op, { query: true, document: false }, afterError);
    }
    for (const op of DOCUMENT_WRITES) {
      schema.post(op, { document: true, query: false }, after);
      schema.post(op, { document: true, query: false }, afterError);
    }
    for (const op of MODEL_WRITES) {
      schema.post(op, after);
      schema.post(op, afterError);
    }
  };
}
