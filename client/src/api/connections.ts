import { useQuery } from '@tanstack/react-query';
import { McpConnectionState } from '@mcp-registry/data-provider';
import { api } from './client';
import type { Schemas } from './client';
import { unwrap } from './errors';

export type ConnectionStatus = Schemas['McpConnectionStatus'];

export const connectionStatusKey = ['connections', 'status'] as const;

const QUICK_POLL_MS = 1_000;
const IDLE_POLL_MS = 15_000;

/**
 * The caller's connection to every server installed for them, by catalog slug. The route makes no network call,
 * so it is polled: quickly while a connection is being made or while `watchUntil` (after an action) lies ahead.
 */
export function useConnectionStatus({ watchUntil = 0, enabled = true }: { watchUntil?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: connectionStatusKey,
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/mcp/connection/status'))).connectionStatus,
    refetchInterval: (query) => {
      const connecting = Object.values(query.state.data ?? {}).some((s) => s.connectionState === McpConnectionState.CONNECTING);
      return connecting || Date.now() < watchUntil ? QUICK_POLL_MS : IDLE_POLL_MS;
    },
  });
}
