import { Query } from 'mingo/query';

import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { asQueryError, mingoOptions } from './mingo';

export type Projector = (doc: Doc) => Doc;

type Tree = Map<string, Tree | true>;

function addPath(tree: Tree, path: string): void {
  const parts = path.split('.');
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1) {
      node.set(part, true);
      return;
    }
    const next = node.get(part);
    if (next === true) return;
    const child: Tree = next ?? new Map();
    node.set(part, child);
    node = child;
  }
}

function includeValue(value: unknown, node: Tree): unknown {
  if (Array.isArray(value)) {
    return value.filter((v) => isPlainObject(v) || Array.isArray(v)).map((v) => includeValue(v, node));
  }
  return isPlainObject(value) ? include(value, node) : undefined;
}

function include(doc: Doc, tree: Tree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const node = tree.get(key);
    if (!node) continue;
    if (node === true) {
      out[key] = doc[key];
      continue;
    }
    const value = includeValue(doc[key], node);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function excludeValue(value: unknown, node: Tree): unknown {
  if (Array.isArray(value)) return value.map((v) => excludeValue(v, node));
  return isPlainObject(value) ? exclude(value, node) : value;
}

function exclude(doc: Doc, tree: Tree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const node = tree.get(key);
    if (node === true) continue;
    out[key] = node ? excludeValue(doc[key], node) : doc[key];
  }
  return out;
}

const isFlag = (value: unknown): value is number | boolean => typeof value === 'number' || typeof value === 'boolean';

function mingoProjector(spec: Doc, filter: Doc | undefined): Projector {
  try {
    const query = new Query(filter ?? {}, mingoOptions());
    return (doc) => (query.find<Doc>([doc], spec).next() as Doc | undefined) ?? {};
  } catch (error) {
    throw asQueryError(error);
  }
}

/**
 * Find-style projection. Plain inclusion/exclusion keeps the stored field order (as mongod does);
 * operators ($slice, $elemMatch, positional, expressions) go to mingo.
 */
export function compileProjection(spec: unknown, filter?: Doc): Projector | null {
  if (spec === undefined || spec === null) return null;
  if (!isPlainObject(spec)) throw new MongoCommandError(2, 'projection must be an object');
  const entries = Object.entries(spec);
  if (entries.length === 0) return null;
  if (entries.some(([path, v]) => !isFlag(v) || path.endsWith('.$') || path.startsWith('$'))) return mingoProjector(spec, filter);
  let includeId = true;
  const included: string[] = [];
  const excluded: string[] = [];
  for (const [path, v] of entries) {
    if (path === '_id') includeId = Boolean(v);
    else (v ? included : excluded).push(path);
  }
  if (included.length > 0 && excluded.length > 0) {
    throw new MongoCommandError(31254, `Cannot do exclusion on field ${excluded[0] as string} in inclusion projection`);
  }
  const tree: Tree = new Map();
  if (included.length > 0 || (includeId && excluded.length === 0)) {
    for (const path of included) addPath(tree, path);
    if (includeId) tree.set('_id', true);
    return (doc) => include(doc, tree);
  }
  for (const path of excluded) addPath(tree, path);
  if (!includeId) tree.set('_id', true);
  return (doc) => exclude(doc, tree);
}
