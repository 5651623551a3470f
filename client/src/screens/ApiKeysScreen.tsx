import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { useInfiniteList } from '../api/useInfiniteList';
import { Button } from '../components/Button';
import { Dialog, RemovalDialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { PageTitle } from '../components/Layout';
import { LoadMore } from '../components/LoadMore';
import { DataTable } from '../components/DataTable';
import { ListStatus } from '../components/ListStatus';
import { ErrorMessage } from '../components/Status';

type ApiKey = Schemas['ApiKey'];

const DAY_MS = 86_400_000;
const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

export function ApiKeysScreen() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const list = useInfiniteList(['apiKeys'], (after) => unwrap(api.GET('/api/keys', { params: { query: { limit: 20, ...(after ? { after } : {}) } } })));
  const create = useMutation({
    mutationFn: () => {
      const expiresAt = days ? new Date(Date.now() + Number(days) * DAY_MS).toISOString() : undefined;
      return unwrap(api.POST('/api/keys', { body: { name: name.trim(), ...(expiresAt ? { expiresAt } : {}) } }));
    },
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['apiKeys'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <div>
      <PageTitle title="API keys" />
      <p className="mb-4 max-w-2xl text-sm text-slate-700">An API key lets a script or a tool such as Terraform call the API as you. Keep it secret; revoke it when it is no longer needed.</p>
      <form onSubmit={submit} className="mb-6 flex max-w-2xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-56 flex-1">
          <TextField label="Key name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} hint="What the key is for, e.g. terraform" />
        </div>
        <div className="w-40">
          <TextField label="Expires in (days)" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} hint="Empty: never" />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </Button>
      </form>
      {create.isError && <ErrorMessage error={create.error} />}
      {create.data && <NewKeyDialog secret={create.data.key} name={create.data.name} onClose={() => create.reset()} />}
      <ListStatus list={list} loading="Loading your keys…" empty="You have no API keys" emptyHelp="Create one above." />
      {list.items.length > 0 && (
        <DataTable caption="Your API keys" columns={['Name', 'Starts with', 'Created', 'Last used', 'Expires', '']}>
          {list.items.map((k) => (
            <tr key={k.id}>
              <td className="px-4 py-2 font-medium text-slate-900">{k.name}</td>
              <td className="px-4 py-2 font-mono">{k.prefix}…</td>
              <td className="px-4 py-2">{dateOf(k.createdAt)}</td>
              <td className="px-4 py-2">{dateOf(k.lastUsedAt)}</td>
              <td className="px-4 py-2">{dateOf(k.expiresAt)}</td>
              <td className="px-4 py-2 text-right">
                <Button variant="ghost" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      {revoking && <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}

/** The secret, shown this one time with a copy button. */
function NewKeyDialog({ secret, name, onClose }: { secret: string; name: string; onClose(): void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`API key “${name}” created`} description="Copy it now: this is the only time it is shown.">
      <label className="block text-sm font-medium text-slate-800" htmlFor="new-api-key">
        Your new API key
      </label>
      <input id="new-api-key" readOnly value={secret} onFocus={(e) => e.target.select()} className="mt-1 block w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-1.5 font-mono text-sm" />
      <p role="status" className="mt-2 text-sm text-slate-700">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed: select the key and copy it by hand.' : ''}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => void copy()}>Copy</Button>
        <Button variant="primary" onClick={onClose}>
          I have saved it
        </Button>
      </div>
    </Dialog>
  );
}

function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  return (
    <RemovalDialog
      title={`Revoke ${apiKey.name}?`}
      description="Anything using this key stops working at once."
      confirmLabel="Revoke"
      remove={() => unwrap(api.DELETE('/api/keys/{id}', { params: { path: { id: apiKey.id } } }))}
      invalidates={['apiKeys']}
      onClose={onClose}
    />
  );
}
