import { useState } from 'react';
import { Link } from 'react-router';
import { McpServerSource, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useInfiniteList } from '../../api/useInfiniteList';
import { Button, buttonClass } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { LoadMore } from '../../components/LoadMore';
import { ListStatus } from '../../components/ListStatus';
import { Badge } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { useUser } from '../../session/SessionProvider';
import { usePermissions } from '../../session/usePermissions';
import { DeleteServerDialog } from './DeleteServerDialog';
import { InstallDialog } from './InstallDialog';
import { ShareDialog } from './ShareDialog';

type Server = Schemas['McpServer'];
type Action = { kind: 'install' | 'share' | 'delete'; server: Server } | null;

export function CatalogScreen() {
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const [action, setAction] = useState<Action>(null);
  const { can } = usePermissions();
  const list = useInfiniteList(['servers', term], (after) =>
    unwrap(api.GET('/api/mcp/servers', { params: { query: { limit: 20, ...(term ? { search: term } : {}), ...(after ? { after } : {}) } } })),
  );
  const close = () => setAction(null);

  return (
    <div>
      <PageTitle title="Catalog">
        {can(PermissionTypes.MCP_SERVERS, Permissions.CREATE) && (
          <Link to="/catalog/new" className={buttonClass('primary')}>
            Add a server
          </Link>
        )}
      </PageTitle>
      <div className="mb-4 max-w-md">
        <TextField label="Search the catalog" type="search" value={search} onChange={(e) => setSearch(e.target.value)} hint="Matches title or description" />
      </div>
      <ListStatus
        list={list}
        loading="Loading the catalog…"
        empty={term ? `No server matches “${term}”` : 'The catalog is empty'}
        emptyHelp={term ? 'Try another word.' : 'Add a server, or ask an administrator to share one with you.'}
      />
      <ul className="grid gap-3 md:grid-cols-2" aria-label="Servers">
        {list.items.map((server) => (
          <ServerCard key={server.id} server={server} onAction={(kind) => setAction({ kind, server })} />
        ))}
      </ul>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {action?.kind === 'install' && <InstallDialog server={action.server} onClose={close} />}
      {action?.kind === 'share' && <ShareDialog server={action.server} onClose={close} />}
      {action?.kind === 'delete' && <DeleteServerDialog server={action.server} onClose={close} />}
    </div>
  );
}

/**
 * Edit, share and delete are offered to the server's author and to those whose role may share servers; the
 * list does not say which servers others were made editors of (they can still open the edit page by its address).
 */
function ServerCard({ server, onAction }: { server: Server; onAction(kind: 'install' | 'share' | 'delete'): void }) {
  const me = useUser();
  const { can } = usePermissions();
  const fromUser = server.source === McpServerSource.USER;
  const editable = fromUser && (server.author === me.id || can(PermissionTypes.MCP_SERVERS, Permissions.SHARE));
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold text-slate-900">{server.title}</h2>
          <p className="text-xs text-slate-600">{server.serverName}</p>
        </div>
        <Badge tone={fromUser ? 'slate' : 'sky'}>{fromUser ? server.config.type : 'from configuration'}</Badge>
      </div>
      {server.description && <p className="mt-2 text-sm text-slate-700">{server.description}</p>}
      {server.config.url && <p className="mt-2 break-all font-mono text-xs text-slate-600">{server.config.url}</p>}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => onAction('install')} aria-label={`Install ${server.title}`}>
          Install
        </Button>
        {editable && (
          <>
            <Link to={`/catalog/${server.serverName}/edit`} className={buttonClass()} aria-label={`Edit ${server.title}`}>
              Edit
            </Link>
            <Button onClick={() => onAction('share')} aria-label={`Share ${server.title}`}>
              Share
            </Button>
            <Button variant="ghost" onClick={() => onAction('delete')} aria-label={`Delete ${server.title}`}>
              Delete
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
