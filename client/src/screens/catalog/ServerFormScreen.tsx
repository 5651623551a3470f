import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { Button, buttonClass } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { Select } from '../../components/Select';
import { ErrorMessage, Loading } from '../../components/Status';
import { createBody, emptyForm, formOf, patchBody, rowKey } from './serverForm';
import type { ServerFormValues } from './serverForm';

type Server = Schemas['McpServer'];

const transports = [
  { value: 'streamable-http', label: 'Streamable HTTP' },
  { value: 'sse', label: 'Server-sent events (SSE)' },
] as const;

export function ServerFormScreen() {
  const { serverName } = useParams();
  const server = useQuery({
    queryKey: ['server', serverName],
    queryFn: () => unwrap(api.GET('/api/mcp/servers/{serverName}', { params: { path: { serverName: serverName ?? '' } } })),
    enabled: serverName !== undefined,
  });
  if (serverName === undefined) return <ServerForm />;
  if (server.isPending) return <Loading label="Loading the server…" />;
  if (server.isError) return <ErrorMessage error={server.error} retry={() => void server.refetch()} />;
  return <ServerForm server={server.data} reload={() => void server.refetch()} />;
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function ServerForm({ server, reload }: { server?: Server; reload?: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ServerFormValues>(() => (server ? formOf(server) : emptyForm()));
  const set = (patch: Partial<ServerFormValues>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => {
    if (server) setForm(formOf(server));
  }, [server]);

  const save = useMutation({
    mutationFn: () =>
      server
        ? unwrap(api.PATCH('/api/mcp/servers/{serverName}', { params: { path: { serverName: server.serverName } }, body: patchBody(server, form) }))
        : unwrap(api.POST('/api/mcp/servers', { body: createBody(form) })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['servers'] });
      await queryClient.invalidateQueries({ queryKey: ['server'] });
      navigate('/catalog');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <div className="max-w-2xl">
      <PageTitle title={server ? `Edit ${server.title}` : 'Add a server to the catalog'} />
      <form onSubmit={submit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <TextField label="Title" required value={form.title} onChange={(e) => set({ title: e.target.value })} hint={server ? `Name: ${server.serverName}` : 'The name is made from the title'} />
        <TextArea label="Description" value={form.description} onChange={(e) => set({ description: e.target.value })} />
        <Select label="Transport" value={form.type} options={transports} onChange={(type) => set({ type })} />
        <TextField label="URL" type="url" required value={form.url} onChange={(e) => set({ url: e.target.value })} hint="The server's public http(s) address" />
        <HeaderRows form={form} set={set} />
        <VarRows form={form} set={set} />
        {save.isError && isConflict(save.error) && server ? (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <p>This server was changed by someone else — reload to see their version. Your edits are still in the form until you reload.</p>
            <Button className="mt-2" onClick={() => { save.reset(); reload?.(); }}>
              Reload
            </Button>
          </div>
        ) : (
          save.isError && <ErrorMessage error={save.error} />
        )}
        <div className="flex justify-end gap-2">
          <Link to="/catalog" className={buttonClass()}>
            Cancel
          </Link>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : server ? 'Save changes' : 'Add server'}
          </Button>
        </div>
      </form>
    </div>
  );
}

interface RowsProps {
  form: ServerFormValues;
  set(patch: Partial<ServerFormValues>): void;
}

function HeaderRows({ form, set }: RowsProps) {
  const update = (key: string, patch: Partial<ServerFormValues['headers'][number]>) => set({ headers: form.headers.map((h) => (h.key === key ? { ...h, ...patch } : h)) });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Request headers</legend>
      <p className="text-xs text-slate-600">Values are secrets: stored encrypted and never shown. A stored value is kept unless you type a new one.</p>
      {form.headers.map((h, index) => (
        <div key={h.key} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
          <TextField label={`Header ${index + 1} name`} value={h.name} disabled={h.stored} onChange={(e) => update(h.key, { name: e.target.value })} />
          <TextField
            label={h.stored ? `Replace ${h.name} value` : `Header ${index + 1} value`}
            type="password"
            autoComplete="off"
            placeholder={h.stored ? 'set — type to replace' : ''}
            value={h.value}
            onChange={(e) => update(h.key, { value: e.target.value })}
          />
          <Button variant="ghost" onClick={() => set({ headers: form.headers.filter((x) => x.key !== h.key) })} aria-label={`Remove header ${h.name || index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => set({ headers: [...form.headers, { key: rowKey(), name: '', value: '', stored: false }] })}>Add a header</Button>
    </fieldset>
  );
}

function VarRows({ form, set }: RowsProps) {
  const update = (key: string, patch: Partial<ServerFormValues['vars'][number]>) => set({ vars: form.vars.map((v) => (v.key === key ? { ...v, ...patch } : v)) });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Settings each installation provides</legend>
      <p className="text-xs text-slate-600">For example an API key per person. Whoever installs the server is asked for them.</p>
      {form.vars.map((v, index) => (
        <div key={v.key} className="grid grid-cols-[1fr_1fr_1fr_auto] items-end gap-2">
          <TextField label={`Setting ${index + 1} name`} value={v.name} pattern="[A-Za-z_][A-Za-z0-9_]*" onChange={(e) => update(v.key, { name: e.target.value })} />
          <TextField label={`Setting ${index + 1} label`} value={v.title} onChange={(e) => update(v.key, { title: e.target.value })} />
          <TextField label={`Setting ${index + 1} help`} value={v.description} onChange={(e) => update(v.key, { description: e.target.value })} />
          <Button variant="ghost" onClick={() => set({ vars: form.vars.filter((x) => x.key !== v.key) })} aria-label={`Remove setting ${v.name || index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => set({ vars: [...form.vars, { key: rowKey(), name: '', title: '', description: '' }] })}>Add a setting</Button>
    </fieldset>
  );
}
