import type { ListResponse } from '@mcp-registry/data-provider';

/** A keyset page with its items mapped to DTOs. */
export function listBody<T, D>(page: { data: T[]; has_more: boolean; after: string | null }, toDto: (item: T) => D): ListResponse<D> {
  return { data: page.data.map(toDto), has_more: page.has_more, after: page.after };
}
