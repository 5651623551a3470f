import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { searchPeople } from '../../api/people';
import { useInfiniteList } from '../../api/useInfiniteList';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { LoadMore } from '../../components/LoadMore';
import { SearchCombobox } from '../../components/SearchCombobox';
import { ListStatus } from '../../components/ListStatus';
import { ErrorMessage } from '../../components/Status';

type Group = Schemas['Group'];

export function GroupsScreen() {
  const [selected, setSelected] = useState<string | null>(null);
  const list = useInfiniteList(['groups'], (after) => unwrap(api.GET('/api/groups', { params: { query: { limit: 20, ...(after ? { after } : {}) } } })));
  const group = list.items.find((g) => g.id === selected) ?? null;
  return (
    <div>
      <PageTitle title="Groups" />
      <CreateGroupForm onCreated={setSelected} />
      <ListStatus list={list} loading="Loading groups…" empty="No groups yet" emptyHelp="Create one above to install servers for a team." />
      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        {list.items.length > 0 && (
          <ul aria-label="Groups" className="space-y-1">
            {list.items.map((g) => (
              <li key={g.id}>
                <button
                  type="button"
                  aria-pressed={g.id === selected}
                  onClick={() => setSelected(g.id)}
                  className={`w-full rounded-md px-3 py-2 text-left text-sm ${g.id === selected ? 'bg-indigo-100 font-semibold text-indigo-900' : 'bg-white text-slate-800 hover:bg-slate-100'}`}
                >
                  {g.name} <span className="text-slate-600">({g.members.length})</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {group && <GroupMembers group={group} />}
      </div>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </div>
  );
}

function CreateGroupForm({ onCreated }: { onCreated(id: string): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/groups', { body: { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) } })),
    onSuccess: async (group) => {
      setName('');
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: ['groups'] });
      onCreated(group.id);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <form onSubmit={submit} className="mb-6 flex max-w-3xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="min-w-48 flex-1">
        <TextField label="Group name" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="min-w-48 flex-1">
        <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create group'}
      </Button>
      {create.isError && (
        <div className="w-full">
          <ErrorMessage error={create.error} />
        </div>
      )}
    </form>
  );
}

function GroupMembers({ group }: { group: Group }) {
  const queryClient = useQueryClient();
  const people = useQueries({
    queries: group.members.map((m) => ({
      queryKey: ['user', m.userId],
      queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: m.userId } } })),
      staleTime: 60_000,
    })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['groups'] });
  const add = useMutation({
    mutationFn: (userId: string) => unwrap(api.POST('/api/groups/{id}/members', { params: { path: { id: group.id } }, body: { userId } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/api/groups/{id}/members/{userId}', { params: { path: { id: group.id, userId } } })),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="members-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="members-title" className="text-base font-semibold text-slate-900">
        Members of {group.name}
      </h2>
      {group.description && <p className="text-sm text-slate-600">{group.description}</p>}
      <div className="my-3 max-w-md">
        <SearchCombobox label="Add a member" hint="Type a name or email" queryKey="people" search={searchPeople} onSelect={(p) => add.mutate(p.id)} />
      </div>
      {add.isError && <ErrorMessage error={add.error} />}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {group.members.length === 0 ? (
        <p className="text-sm text-slate-600">No members yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={`Members of ${group.name}`}>
          {group.members.map((m, index) => {
            const person = people[index]?.data;
            const label = person ? person.name || person.email : m.userId;
            return (
              <li key={m.userId} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{label}</span> <span className="text-slate-600">{person?.email} · {m.role}</span>
                </span>
                <Button variant="ghost" aria-label={`Remove ${label} from ${group.name}`} onClick={() => remove.mutate(m.userId)}>
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
