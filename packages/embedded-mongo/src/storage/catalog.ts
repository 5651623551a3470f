import { UUID } from 'bson';

import { MongoCommandError } from '../errors';
import type { IndexSpec } from '../indexes/index';
import { Index } from '../indexes/index';
import type { Doc } from '../types';
import { Collection } from './collection';

export type Mutation =
  | { op: 'put'; db: string; coll: string; doc: Doc }
  | { op: 'delete'; db: string; coll: string; id: unknown }
  | { op: 'createCollection'; db: string; coll: string; options: Doc; uuid: UUID }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'renameCollection'; db: string; coll: string; toDb: string; toColl: string };

/** Where mutations are recorded before they are applied (the journal); memory-only engines have none. */
export interface MutationSink {
  append(mutation: Mutation): void;
}

export function checkCollectionName(db: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0') || name.includes('$') || name.startsWith('.')) {
    throw new MongoCommandError(73, `Invalid namespace specified '${db}.${String(name)}'`);
  }
  return name;
}

export function checkDatabaseName(db: string): string {
  if (db.length === 0 || db.length > 63 || /[/\\. "$\0]/.test(db)) throw new MongoCommandError(73, `Invalid database name: '${db}'`);
  return db;
}

/** Databases and their collections. Every change goes through `commit`: recorded first, then applied. */
export class Catalog {
  readonly databases = new Map<string, Map<string, Collection>>();
  sink: MutationSink | null = null;

  commit(mutation: Mutation): void {
    this.sink?.append(mutation);
    this.apply(mutation);
  }

  getCollection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  ensureCollection(db: string, name: string): Collection {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    checkDatabaseName(db);
    checkCollectionName(db, name);
    this.commit({ op: 'createCollection', db, coll: name, options: {}, uuid: new UUID() });
    return this.getCollection(db, name) as Collection;
  }

  private database(db: string): Map<string, Collection> {
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    return collections;
  }

  private need(db: string, coll: string): Collection {
    const collection = this.getCollection(db, coll);
    if (!collection) throw new Error(`missing collection ${db}.${coll}`);
    return collection;
  }

  /** Applies a recorded mutation to memory (journal replay uses it too, so it performs no checks). */
  apply(m: Mutation): void {
    switch (m.op) {
      case 'put':
        this.need(m.db, m.coll).put(m.doc);
        return;
      case 'delete':
        this.need(m.db, m.coll).remove(m.id);
        return;
      case 'createCollection':
        this.database(m.db).set(m.coll, new Collection(m.db, m.coll, m.options, m.uuid));
        return;
      case 'dropCollection':
        this.databases.get(m.db)?.delete(m.coll);
        if (this.databases.get(m.db)?.size === 0) this.databases.delete(m.db);
        return;
      case 'createIndex': {
        const collection = this.need(m.db, m.coll);
        collection.indexes.set(m.spec.name, collection.buildIndex(m.spec));
        return;
      }
      case 'dropIndex':
        this.need(m.db, m.coll).indexes.delete(m.name);
        return;
      case 'dropDatabase':
        this.databases.delete(m.db);
        return;
      case 'renameCollection': {
        const source = this.need(m.db, m.coll);
        this.databases.get(m.db)?.delete(m.coll);
        if (this.databases.get(m.db)?.size === 0) this.databases.delete(m.db);
        const target = new Collection(m.toDb, m.toColl, source.options, source.uuid);
        for (const index of source.indexes.values()) target.indexes.set(index.name, new Index(index.spec));
        for (const doc of source.docs.values()) target.put(doc);
        this.database(m.toDb).set(m.toColl, target);
        return;
      }
    }
  }
}
