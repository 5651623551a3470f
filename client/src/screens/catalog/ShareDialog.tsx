import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AccessRoleIds, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import type { AccessRoleId } from '@mcp-registry/data-provider';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { searchGroups, searchPeople } from '../../api/people';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SearchCombobox } from '../../components/SearchCombobox';
import type { ComboboxItem } from '../../components/SearchCombobox';
import { Select } from '../../components/Select';
import { ErrorMessage, Loading, Notice } from '../../components/Status';
import { usePermissions } from '../../session/usePermissions';

type Server = Schemas['McpServer'];
type PrincipalType = 'user' | 'group' | 'role';

interface Grant {
  type: PrincipalType;
  id: string;
  name: string;
  detail?: string;
  accessRoleId: AccessRoleId;
}

const roleOptions = [
  { value: AccessRoleIds.MCPSERVER_VIEWER, label: 'Viewer (can install)' },
  { value: AccessRoleIds.MCPSERVER_EDITOR, label: 'Editor' },
  { value: AccessRoleIds.MCPSERVER_OWNER, label: 'Owner' },
];

const keyOf = (g: { type: string; id: string }) => `${g.type}:${g.id}`;

export function ShareDialog({ server, onClose }: { server: Server; onClose(): void }) {
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const current = useQuery({
    queryKey: ['sharing', server.id],
    queryFn: () => unwrap(api.GET('/api/permissions/mcpServer/{serverId}', { params: { path: { serverId: server.id } } })),
  });
  const [grants, setGrants] = useState<Grant[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!current.data) return;
    setGrants(
      current.data.principals
        .filter((p) => p.accessRoleId)
        .map((p) => ({ type: p.type as PrincipalType, id: p.id, name: p.name, detail: p.email, accessRoleId: p.accessRoleId as AccessRoleId })),
    );
  }, [current.data]);

  const save = useMutation({
    mutationFn: () => {
      const after = new Set(grants.map(keyOf));
      const removed = (current.data?.principals ?? []).filter((p) => !after.has(keyOf(p))).map((p) => ({ type: p.type as PrincipalType, id: p.id }));
      const updated = grants.map((g) => ({ type: g.type, id: g.id, accessRoleId: g.accessRoleId }));
      return unwrap(api.PUT('/api/permissions/mcpServer/{serverId}', { params: { path: { serverId: server.id } }, body: { updated, removed } }));
    },
    onSuccess: async (data) => {
      queryClient.setQueryData(['sharing', server.id], data);
      await queryClient.invalidateQueries({ queryKey: ['servers'] });
      setSaved(true);
    },
  });

  function add(type: PrincipalType, item: ComboboxItem) {
    setSaved(false);
    if (grants.some((g) => keyOf(g) === keyOf({ type, id: item.id }))) return;
    setGrants([...grants, { type, id: item.id, name: item.label, detail: item.detail, accessRoleId: AccessRoleIds.MCPSERVER_VIEWER }]);
  }

  const searchable = can(PermissionTypes.USERS, Permissions.READ);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Share ${server.title}`} description="People and groups you share with can see and install the server." wide>
      {current.isPending && <Loading label="Loading who has access…" />}
      {current.isError && <ErrorMessage error={current.error} retry={() => void current.refetch()} />}
      {current.isSuccess && (
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <SearchCombobox
              label="Add a person"
              queryKey="people"
              search={searchPeople}
              onSelect={(item) => add('user', item)}
              disabled={!searchable}
              hint={searchable ? 'Type a name or email' : 'Searching people needs permission to list users.'}
            />
            <SearchCombobox
              label="Add a group"
              queryKey="groups"
              search={searchGroups}
              onSelect={(item) => add('group', item)}
              disabled={!can(PermissionTypes.GROUPS, Permissions.READ)}
              hint="Type the start of a group name"
            />
          </div>
          <ul aria-label="People and groups with access" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {grants.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">Only you have access.</li>}
            {grants.map((g) => (
              <li key={keyOf(g)} className="flex flex-wrap items-center gap-3 px-3 py-2">
                <div className="min-w-40 flex-1 text-sm">
                  <span className="font-medium text-slate-900">{g.name}</span>
                  <span className="ml-2 text-slate-600">{g.type === 'user' ? g.detail : g.type}</span>
                </div>
                <div className="w-48">
                  <Select
                    label={`Access for ${g.name}`}
                    hideLabel
                    value={g.accessRoleId}
                    options={roleOptions}
                    onChange={(accessRoleId) => {
                      setSaved(false);
                      setGrants(grants.map((x) => (keyOf(x) === keyOf(g) ? { ...x, accessRoleId } : x)));
                    }}
                  />
                </div>
                <Button variant="ghost" aria-label={`Remove access for ${g.name}`} onClick={() => setGrants(grants.filter((x) => keyOf(x) !== keyOf(g)))}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          {save.isError && <ErrorMessage error={save.error} />}
          {saved && <Notice>Sharing saved.</Notice>}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" disabled={save.isPending} onClick={() => save.mutate()}>
              {save.isPending ? 'Saving…' : 'Save sharing'}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
