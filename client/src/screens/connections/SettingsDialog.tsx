import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { Badge, Empty, ErrorMessage, Loading, Notice } from '../../components/Status';

type AuthValues = Schemas['McpAuthValues'];

const authValuesKey = (serverName: string) => ['connections', 'auth-values', serverName] as const;

/**
 * The caller's own values for a server (its declared variables, and their API key when it asks for one). Values are
 * write-only: the form shows whether each is set, a saved value is never shown again, and an empty field is left as is.
 */
export function SettingsDialog({ serverName, title, onSaved, onClose }: { serverName: string; title: string; onSaved(): void; onClose(): void }) {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: authValuesKey(serverName),
    queryFn: () => unwrap(api.GET('/api/mcp/{serverName}/auth-values', { params: { path: { serverName } } })),
  });
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (changes: Record<string, string | null>) =>
      unwrap(api.PUT('/api/mcp/{serverName}/auth-values', { params: { path: { serverName } }, body: { values: changes } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(authValuesKey(serverName), saved);
      setValues({});
      onSaved();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    if (Object.keys(changes).length > 0) save.mutate(changes);
  }

  const nothingTyped = Object.values(values).every((v) => v === '');
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Your settings for ${title}`} description="What this server needs from you to connect. Values are stored encrypted and never shown again.">
      {current.isPending && <Loading label="Loading your settings…" />}
      {current.isError && <ErrorMessage error={current.error} retry={() => void current.refetch()} />}
      {current.data && current.data.authConfig.length === 0 && <Empty title="This server needs nothing from you">It connects with the settings of its installation.</Empty>}
      {current.data && current.data.authConfig.length > 0 && (
        <form onSubmit={submit} className="space-y-4">
          {save.isSuccess && nothingTyped && <Notice>Saved. The connection is being made again with your new settings.</Notice>}
          {current.data.authConfig.map((field) => (
            <SettingField
              key={field.authField}
              field={field}
              isSet={current.data.authValueFlags[field.authField] === true}
              value={values[field.authField] ?? ''}
              onChange={(value) => setValues({ ...values, [field.authField]: value })}
              onClear={() => save.mutate({ [field.authField]: null })}
              busy={save.isPending}
            />
          ))}
          {save.isError && <ErrorMessage error={save.error} />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Close</Button>
            <Button type="submit" variant="primary" disabled={save.isPending || nothingTyped}>
              {save.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function SettingField({
  field,
  isSet,
  value,
  onChange,
  onClear,
  busy,
}: {
  field: AuthValues['authConfig'][number];
  isSet: boolean;
  value: string;
  onChange(value: string): void;
  onClear(): void;
  busy: boolean;
}) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-slate-700">
          {field.label}: {isSet ? <Badge tone="green">set</Badge> : <Badge tone="amber">not set</Badge>}
        </span>
        {isSet && (
          <Button variant="ghost" disabled={busy} onClick={onClear} aria-label={`Clear ${field.label}`}>
            Clear
          </Button>
        )}
      </div>
      <TextField
        label={isSet ? `Replace ${field.label}` : field.label}
        hint={field.description || field.authField}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
