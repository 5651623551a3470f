import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InstallationScope, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { unwrapWithStatus } from '../../api/errors';
import { searchGroups, searchPeople } from '../../api/people';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { SearchCombobox } from '../../components/SearchCombobox';
import type { ComboboxItem } from '../../components/SearchCombobox';
import { ErrorMessage, Notice } from '../../components/Status';
import { useUser } from '../../session/SessionProvider';
import { usePermissions } from '../../session/usePermissions';
import { installSentence } from './installResult';

type Server = Schemas['McpServer'];
type Target = 'me' | 'team' | 'org' | 'person';

interface TargetOption {
  value: Target;
  label: string;
  /** Why the option cannot be chosen; absent when it can. */
  unavailable?: string;
}

function useTargetOptions(): TargetOption[] {
  const { can } = usePermissions();
  const admin = can(PermissionTypes.MCP_SERVER_INSTALLATIONS, Permissions.ADMIN);
  const listsGroups = can(PermissionTypes.GROUPS, Permissions.READ);
  return [
    { value: 'me', label: 'For me' },
    { value: 'team', label: 'For a team', unavailable: listsGroups ? undefined : 'Choosing a team needs permission to list groups; ask an administrator.' },
    { value: 'org', label: 'For the organisation', unavailable: admin ? undefined : 'Only administrators can install for the whole organisation.' },
    { value: 'person', label: 'For another person', unavailable: admin ? undefined : 'Only administrators can install for another person.' },
  ];
}

function TargetChoice({ options, value, onChange }: { options: TargetOption[]; value: Target; onChange(t: Target): void }) {
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">Install</legend>
      {options.map((o) => (
        <div key={o.value}>
          <label className={`flex items-center gap-2 text-sm ${o.unavailable ? 'text-slate-500' : 'text-slate-900'}`}>
            <input
              type="radio"
              name={`${id}-target`}
              value={o.value}
              checked={value === o.value}
              disabled={o.unavailable !== undefined}
              aria-describedby={o.unavailable ? `${id}-${o.value}-why` : undefined}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
          {o.unavailable && (
            <p id={`${id}-${o.value}-why`} className="ml-6 text-xs text-slate-600">
              {o.unavailable}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}

export function InstallDialog({ server, onClose }: { server: Server; onClose(): void }) {
  const me = useUser();
  const queryClient = useQueryClient();
  const options = useTargetOptions();
  const [target, setTarget] = useState<Target>('me');
  const [person, setPerson] = useState<ComboboxItem | null>(null);
  const [team, setTeam] = useState<ComboboxItem | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const vars = Object.entries(server.config.customUserVars ?? {});

  const install = useMutation({
    mutationFn: () => {
      const customUserVars = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      const body = {
        catalogId: server.id,
        ...(Object.keys(customUserVars).length > 0 ? { customUserVars } : {}),
        ...(target === 'person' && person ? { userId: person.id } : {}),
        ...(target === 'team' ? { scope: InstallationScope.TEAM, ...(team ? { teamId: team.id } : {}) } : {}),
        ...(target === 'org' ? { scope: InstallationScope.ORG } : {}),
      };
      return unwrapWithStatus(api.POST('/api/mcp_server', { body }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['installations'] }),
  });

  const missingChoice = (target === 'person' && !person) || (target === 'team' && !team);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!missingChoice) install.mutate();
  }

  const result = install.data;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Install ${server.title}`} description="Choose who the server is installed for." wide>
      {result ? (
        <div>
          <Notice>{installSentence(result.data, result.status === 201, me.id)}</Notice>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => install.reset()}>Install again</Button>
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <TargetChoice options={options} value={target} onChange={setTarget} />
          {target === 'person' && (
            <div>
              <SearchCombobox label="Person" hint="Type a name or email" queryKey="people" search={searchPeople} onSelect={setPerson} />
              {person && <p className="mt-1 text-sm text-slate-800">Selected: <strong>{person.label}</strong> ({person.detail})</p>}
            </div>
          )}
          {target === 'team' && (
            <div>
              <SearchCombobox label="Team" hint="Type the start of a group name" queryKey="groups" search={searchGroups} onSelect={setTeam} />
              {team && <p className="mt-1 text-sm text-slate-800">Selected: <strong>{team.label}</strong></p>}
            </div>
          )}
          {vars.length > 0 && (
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-slate-800">Settings for this server</legend>
              <p className="text-xs text-slate-600">Values are stored encrypted and never shown again. Leave a field empty to set it later.</p>
              {vars.map(([name, v]) => (
                <TextField
                  key={name}
                  label={v.title}
                  hint={v.description || name}
                  type="password"
                  autoComplete="off"
                  value={values[name] ?? ''}
                  onChange={(e) => setValues({ ...values, [name]: e.target.value })}
                />
              ))}
            </fieldset>
          )}
          {install.isError && <ErrorMessage error={install.error} />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={install.isPending || missingChoice}>
              {install.isPending ? 'Installing…' : 'Install'}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
