import { useState } from 'react';
import { InstallationScope, InstallationStatus, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { api } from '../api/client';
import { useConnectionStatus } from '../api/connections';
import type { ConnectionStatus } from '../api/connections';
import type { Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { searchPeople } from '../api/people';
import { useInfiniteList } from '../api/useInfiniteList';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { RemovalDialog } from '../components/Dialog';
import { ListStatus } from '../components/ListStatus';
import { PageTitle } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { SearchCombobox } from '../components/SearchCombobox';
import type { ComboboxItem } from '../components/SearchCombobox';
import { Badge } from '../components/Status';
import { useUser } from '../session/SessionProvider';
import { usePermissions } from '../session/usePermissions';
import { installedBy, installedFor } from './catalog/installResult';
import { ConnectionBadge } from './connections/ConnectionBadge';

type Installation = Schemas['Installation'];

const scopeLabels = { [InstallationScope.PERSONAL]: 'Personal', [InstallationScope.TEAM]: 'Team', [InstallationScope.ORG]: 'Organisation' } as const;

export function InstallationsScreen() {
  const me = useUser();
  const { can } = usePermissions();
  const admin = can(PermissionTypes.MCP_SERVER_INSTALLATIONS, Permissions.ADMIN) && can(PermissionTypes.USERS, Permissions.READ);
  const [owner, setOwner] = useState<ComboboxItem | null>(null);
  const [removing, setRemoving] = useState<Installation | null>(null);
  const connections = useConnectionByInstallation();
  const list = useInfiniteList(['installations', owner?.id ?? null], (after) =>
    unwrap(api.GET('/api/mcp_server', { params: { query: { limit: 20, ...(owner ? { userId: owner.id } : {}), ...(after ? { after } : {}) } } })),
  );

  return (
    <div>
      <PageTitle title="Installations" />
      {admin && (
        <div className="mb-4 flex max-w-xl flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1">
            <SearchCombobox label="Only installations of a person" queryKey="people" search={searchPeople} onSelect={setOwner} />
          </div>
          {owner && (
            <p className="text-sm text-slate-800">
              Showing <strong>{owner.label}</strong>{' '}
              <Button variant="ghost" onClick={() => setOwner(null)}>
                Show everyone
              </Button>
            </p>
          )}
        </div>
      )}
      <ListStatus
        list={list}
        loading="Loading installations…"
        empty={owner ? `${owner.label} has no installations` : 'Nothing is installed yet'}
        emptyHelp="Install a server from the catalog."
      />
      {list.items.length > 0 && (
        <DataTable caption="Installations you can see" columns={['Server', 'Scope', 'For', 'Installed by', 'Status', 'Your connection', '']}>
          {list.items.map((i) => (
            <tr key={i.id}>
              <td className="px-4 py-2 font-medium text-slate-900">{i.serverName}</td>
              <td className="px-4 py-2">{scopeLabels[i.scope]}</td>
              <td className="px-4 py-2">{installedFor(i, me.id)}</td>
              <td className="px-4 py-2">{installedBy(i, me.id)}</td>
              <td className="px-4 py-2">
                {i.status === InstallationStatus.ACTIVE ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Needs configuration</Badge>}
              </td>
              <td className="px-4 py-2">
                <ConnectionCell status={connections.get(i.id)} />
              </td>
              <td className="px-4 py-2 text-right">
                <Button variant="ghost" onClick={() => setRemoving(i)} aria-label={`Uninstall ${i.serverName} for ${installedFor(i, me.id)}`}>
                  Uninstall
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {removing && <UninstallDialog installation={removing} onClose={() => setRemoving(null)} />}
    </div>
  );
}

/** The caller's connections keyed by installation: only the installation each server resolves to for them has one. */
function useConnectionByInstallation(): Map<string, ConnectionStatus> {
  const { can } = usePermissions();
  const status = useConnectionStatus({ enabled: can(PermissionTypes.MCP_SERVERS, Permissions.USE) });
  return new Map(Object.values(status.data ?? {}).map((s) => [s.installationId, s]));
}

function ConnectionCell({ status }: { status: ConnectionStatus | undefined }) {
  if (status) return <ConnectionBadge status={status} />;
  return (
    <span className="text-slate-500" title="You connect through another installation of this server, or it is not installed for you">
      —<span className="sr-only">No connection of yours</span>
    </span>
  );
}

function UninstallDialog({ installation, onClose }: { installation: Installation; onClose(): void }) {
  const me = useUser();
  return (
    <RemovalDialog
      title={`Uninstall ${installation.serverName}?`}
      description={`This removes the installation for ${installedFor(installation, me.id)} with its stored settings. It cannot be undone.`}
      confirmLabel="Uninstall"
      remove={() => unwrap(api.DELETE('/api/mcp_server/{id}', { params: { path: { id: installation.id } } }))}
      invalidates={['installations']}
      onClose={onClose}
    />
  );
}
