import { useInfiniteQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';

export interface ListPage<T> {
  data: T[];
  has_more: boolean;
  after?: string | null;
}

/** A keyset-paged list (`?after=` the previous page's cursor) with "Load more". */
export function useInfiniteList<T>(queryKey: QueryKey, fetchPage: (after: string | undefined) => Promise<ListPage<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => (last.has_more && last.after ? last.after : undefined),
  });
  const items = query.data?.pages.flatMap((p) => p.data) ?? [];
  return { ...query, items };
}
