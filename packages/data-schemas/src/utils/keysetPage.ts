import type { FilterQuery, Model, ProjectionType, SortOrder } from 'mongoose';
import { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT } from '@mcp-registry/data-provider';
import { decodeCursor, encodeCursor } from './cursor';
import type { CursorValue } from './cursor';

export interface KeysetPageInput<T> {
  filter: Record<string, unknown>;
  limit?: number;
  after?: string;
  /** Sort field besides `_id` (which always breaks ties); lists default to `_id` alone. */
  sortField?: keyof T & string;
  /** -1 (default): newest first. */
  direction?: 1 | -1;
  projection?: ProjectionType<T>;
}

export interface KeysetPage<T> {
  data: T[];
  has_more: boolean;
  after: string | null;
}

function afterFilter(sortField: string | undefined, direction: 1 | -1, raw: string): Record<string, unknown> {
  const cursor = decodeCursor(raw);
  const op = direction === 1 ? '$gt' : '$lt';
  if (!sortField) return { _id: { [op]: cursor.id } };
  return { $or: [{ [sortField]: { [op]: cursor.value } }, { [sortField]: cursor.value, _id: { [op]: cursor.id } }] };
}

/** The filter narrowed to what follows the cursor; a plain `_id` bound joins the filter so an index serves both. */
function withAfter(filter: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  if ('_id' in after && !('_id' in filter)) return { ...filter, ...after };
  return { $and: [filter, after] };
}

/**
 * One page of a keyset-paged list `{ data, has_more, after }` (DESIGN.md §4). Reads `limit + 1` documents to learn
 * whether there is more; a bad cursor throws InvalidCursorError (→ 400). Back the sort with an index.
 */
export async function keysetPage<T extends { _id: unknown }, R extends { _id: unknown } = T>(
  model: Model<T>,
  input: KeysetPageInput<T>,
): Promise<KeysetPage<R>> {
  const limit = Math.min(Math.max(input.limit ?? LIST_DEFAULT_LIMIT, 1), LIST_MAX_LIMIT);
  const direction = input.direction ?? -1;
  const sortField = input.sortField;
  const filter = input.after ? withAfter(input.filter, afterFilter(sortField, direction, input.after)) : input.filter;
  const sort: Record<string, SortOrder> = sortField ? { [sortField]: direction, _id: direction } : { _id: direction };
  const rows = (await model
    .find(filter as FilterQuery<T>, input.projection)
    .sort(sort)
    .limit(limit + 1)
    .lean()) as unknown as R[];
  const has_more = rows.length > limit;
  const data = has_more ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  if (!has_more || !last) return { data, has_more, after: null };
  const value = sortField ? ((last as Record<string, unknown>)[sortField] as CursorValue) : undefined;
  return { data, has_more, after: encodeCursor({ id: String(last._id), value }) };
}
