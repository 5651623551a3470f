/** Every list endpoint answers `{ data, has_more, after }` (DESIGN.md §4). */
export interface ListResponse<T> {
  data: T[];
  has_more: boolean;
  /** Opaque cursor for the next page; null on the last page. */
  after: string | null;
}

export const LIST_DEFAULT_LIMIT = 20;
export const LIST_MAX_LIMIT = 100;

export interface ListQuery {
  limit?: number;
  after?: string;
}
