import { Button } from './Button';

export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad(): void }) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex justify-center">
      <Button onClick={onLoad} disabled={loading}>
        {loading ? 'Loading…' : 'Load more'}
      </Button>
    </div>
  );
}
