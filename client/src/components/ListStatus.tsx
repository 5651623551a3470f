import type { ReactNode } from 'react';
import { Empty, ErrorMessage, Loading } from './Status';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  items: unknown[];
  refetch(): unknown;
}

/** What a list shows while loading, after an error (with retry) and when empty. */
export function ListStatus({ list, loading, empty, emptyHelp }: { list: ListQuery; loading: string; empty: string; emptyHelp?: ReactNode }) {
  if (list.isPending) return <Loading label={loading} />;
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  if (list.isSuccess && list.items.length === 0) return <Empty title={empty}>{emptyHelp}</Empty>;
  return null;
}
