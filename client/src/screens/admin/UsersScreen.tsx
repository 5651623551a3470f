import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH, SystemRoles } from '@mcp-registry/data-provider';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useInfiniteList } from '../../api/useInfiniteList';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { LoadMore } from '../../components/LoadMore';
import { Select } from '../../components/Select';
import { DataTable } from '../../components/DataTable';
import { ListStatus } from '../../components/ListStatus';
import { ErrorMessage, Notice } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { useUser } from '../../session/SessionProvider';
import { useRoleOptions } from './useRoleOptions';

type User = Schemas['User'];

export function UsersScreen() {
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const list = useInfiniteList(['users', term], (after) =>
    unwrap(api.GET('/api/users', { params: { query: { limit: 20, ...(term ? { search: term } : {}), ...(after ? { after } : {}) } } })),
  );
  return (
    <div>
      <PageTitle title="Users" />
      <CreateUserForm />
      <div className="mb-4 max-w-md">
        <TextField label="Search users" type="search" value={search} onChange={(e) => setSearch(e.target.value)} hint="Start of a name or email" />
      </div>
      <ListStatus list={list} loading="Loading users…" empty={term ? `Nobody matches “${term}”` : 'No users yet'} />
      {list.items.length > 0 && (
        <DataTable caption="Users of the organisation" columns={['Name', 'Email', 'Role']}>
          {list.items.map((u) => (
            <UserRow key={u.id} user={u} />
          ))}
        </DataTable>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </div>
  );
}

function UserRow({ user }: { user: User }) {
  const me = useUser();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const change = useMutation({
    mutationFn: (role: string) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { role } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <tr>
      <td className="px-4 py-2 font-medium text-slate-900">{user.name || '—'}</td>
      <td className="px-4 py-2">{user.email}</td>
      <td className="px-4 py-2">
        <div className="w-44">
          <Select label={`Role of ${user.email}`} hideLabel value={change.variables ?? user.role} options={roles} disabled={user.id === me.id || change.isPending} onChange={(role) => change.mutate(role)} />
        </div>
        {change.isError && <ErrorMessage error={change.error} />}
      </td>
    </tr>
  );
}

function CreateUserForm() {
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const empty = { email: '', name: '', password: '', role: SystemRoles.USER as string };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users', { body: { email: form.email.trim(), name: form.name.trim(), password: form.password, role: form.role } })),
    onSuccess: async () => {
      setForm(empty);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <form onSubmit={submit} className="mb-6 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="mb-3 text-base font-semibold text-slate-900">
        Add a user
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <TextField label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField label="Initial password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} hint={`At least ${PASSWORD_MIN_LENGTH} characters`} />
        <Select label="Role" value={form.role} options={roles} onChange={(role) => setForm({ ...form, role })} />
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.isSuccess && <Notice>Added {create.data.email}.</Notice>}
      <div className="mt-3 flex justify-end">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </Button>
      </div>
    </form>
  );
}
