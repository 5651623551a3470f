import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { McpConnectionState } from '@mcp-registry/data-provider';
import { connectionStatusKey, useConnectionStatus } from '../../api/connections';
import type { ConnectionStatus } from '../../api/connections';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Button } from '../../components/Button';
import { PageTitle } from '../../components/Layout';
import { Empty, ErrorMessage, Loading, Notice } from '../../components/Status';
import { ConnectionBadge } from './ConnectionBadge';
import { SettingsDialog } from './SettingsDialog';
import { useOAuthConnect } from './useOAuthConnect';

/** How long the status is polled quickly after an action whose connection is made in the background. */
const WATCH_AFTER_ACTION_MS = 20_000;

export function ConnectionsScreen() {
  const [watchUntil, setWatchUntil] = useState(0);
  const [editing, setEditing] = useState<{ serverName: string; title: string } | null>(null);
  const [settingsSavedAt, setSettingsSavedAt] = useState<Record<string, number>>({});
  const status = useConnectionStatus({ watchUntil });
  const queryClient = useQueryClient();
  const watch = () => {
    setWatchUntil(Date.now() + WATCH_AFTER_ACTION_MS);
    void queryClient.invalidateQueries({ queryKey: connectionStatusKey });
  };
  const servers = Object.entries(status.data ?? {}).sort(([, a], [, b]) => a.title.localeCompare(b.title));

  return (
    <div>
      <PageTitle title="Connections" />
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        The servers installed for you, for your teams and for the organisation, and how your own connection to each stands. Settings and sign-ins here are
        yours alone.
      </p>
      {status.isPending && <Loading label="Loading your connections…" />}
      {status.isError && <ErrorMessage error={status.error} retry={() => void status.refetch()} />}
      {status.isSuccess && servers.length === 0 && (
        <Empty title="No server is installed for you yet">
          Install one from the <Link to="/catalog" className="font-medium text-indigo-800 underline underline-offset-2">catalog</Link>, or ask an administrator to
          install one for you.
        </Empty>
      )}
      {servers.length > 0 && (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Connections">
          {servers.map(([serverName, s]) => (
            <ConnectionCard
              key={serverName}
              serverName={serverName}
              status={s}
              settingsSavedAt={settingsSavedAt[serverName] ?? 0}
              onChanged={watch}
              onEditSettings={() => setEditing({ serverName, title: s.title })}
            />
          ))}
        </ul>
      )}
      {editing && (
        <SettingsDialog
          serverName={editing.serverName}
          title={editing.title}
          onSaved={() => {
            setSettingsSavedAt({ ...settingsSavedAt, [editing.serverName]: Date.now() });
            watch();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

interface ConnectionCardProps {
  serverName: string;
  status: ConnectionStatus;
  /** When the caller last saved their settings for this server: an earlier attempt's outcome no longer applies. */
  settingsSavedAt: number;
  onChanged(): void;
  onEditSettings(): void;
}

function ConnectionCard({ serverName, status, settingsSavedAt, onChanged, onEditSettings }: ConnectionCardProps) {
  const reinitialize = useMutation({
    mutationFn: () => unwrap(api.POST('/api/mcp/{serverName}/reinitialize', { params: { path: { serverName } } })),
    onSettled: onChanged,
  });
  const signOut = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/mcp/{serverName}/oauth/tokens', { params: { path: { serverName } } })),
    onSettled: onChanged,
  });
  const oauth = useOAuthConnect(serverName, () => reinitialize.mutate());
  const { reset } = reinitialize;
  useEffect(() => reset(), [settingsSavedAt, reset]);
  const connected = status.connectionState === McpConnectionState.CONNECTED;
  const busy = reinitialize.isPending || oauth.state.phase === 'waiting' || signOut.isPending;
  const result = reinitialize.data;
  const connectLabel = oauth.state.phase === 'waiting' ? 'Waiting for sign-in…' : connected ? 'Sign in again' : 'Connect';
  const reconnectLabel = reinitialize.isPending ? 'Reconnecting…' : 'Reconnect';

  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{status.title}</h2>
          <p className="text-xs text-slate-600">{serverName}</p>
        </div>
        <ConnectionBadge status={status} />
      </div>
      {status.lastError && <p className="mt-2 text-sm text-slate-700">Last attempt: {status.lastError}</p>}
      {status.lastConnectedAt && <p className="mt-1 text-xs text-slate-600">Last connected {new Date(status.lastConnectedAt).toLocaleString()}</p>}
      {oauth.state.phase === 'waiting' && <Notice tone="info">Finish signing in in the window that opened. This page updates by itself.</Notice>}
      {oauth.state.phase === 'failed' && <ErrorMessage error={new Error(oauth.state.message)} />}
      {result && !result.success && !result.oauthRequired && <ErrorMessage error={new Error(result.message)} />}
      {result && !result.success && result.oauthRequired && <Notice tone="info">This server needs you to sign in: choose Connect.</Notice>}
      {result?.success && <Notice>{result.message}</Notice>}
      {reinitialize.isError && <ErrorMessage error={reinitialize.error} />}
      {signOut.isError && <ErrorMessage error={signOut.error} />}
      <div className="mt-3 flex flex-wrap gap-2">
        {status.requiresOAuth && (
          <Button variant={connected ? 'secondary' : 'primary'} disabled={busy} onClick={() => void oauth.connect()} aria-label={`${connectLabel} ${status.title}`}>
            {connectLabel}
          </Button>
        )}
        <Button disabled={busy} onClick={() => reinitialize.mutate()} aria-label={`${reconnectLabel} ${status.title}`}>
          {reconnectLabel}
        </Button>
        <Button variant="ghost" onClick={onEditSettings} aria-label={`Your settings for ${status.title}`}>
          Your settings
        </Button>
        {status.requiresOAuth && connected && (
          <Button variant="ghost" disabled={busy} onClick={() => signOut.mutate()} aria-label={`Sign out of ${status.title}`}>
            Sign out
          </Button>
        )}
      </div>
    </li>
  );
}
