import { McpConnectionState } from '@mcp-registry/data-provider';
import type { ConnectionStatus } from '../../api/connections';
import { Badge } from '../../components/Status';

function label(status: ConnectionStatus): { text: string; tone: 'green' | 'amber' | 'slate' | 'sky' } {
  switch (status.connectionState) {
    case McpConnectionState.CONNECTED:
      return { text: 'Connected', tone: 'green' };
    case McpConnectionState.CONNECTING:
      return { text: 'Connecting…', tone: 'sky' };
    case McpConnectionState.NEEDS_AUTH:
      return { text: status.requiresOAuth ? 'Needs your sign-in' : 'Needs your settings', tone: 'amber' };
    case McpConnectionState.ERROR:
      return { text: 'Connection failed', tone: 'amber' };
    default:
      return { text: 'Not connected', tone: 'slate' };
  }
}

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { text, tone } = label(status);
  return <Badge tone={tone}>{text}</Badge>;
}
