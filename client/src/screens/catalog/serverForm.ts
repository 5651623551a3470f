import type { Schemas } from '../../api/client';

type Server = Schemas['McpServer'];

export interface VarRow {
  key: string;
  name: string;
  title: string;
  description: string;
}

export interface HeaderRow {
  key: string;
  name: string;
  /** Write-only: empty keeps a stored value. */
  value: string;
  /** The value is stored on the server (it is never shown). */
  stored: boolean;
}

export interface ServerFormValues {
  title: string;
  description: string;
  type: 'streamable-http' | 'sse';
  url: string;
  vars: VarRow[];
  headers: HeaderRow[];
}

let rowCounter = 0;
export const rowKey = () => `row-${++rowCounter}`;

export const emptyForm = (): ServerFormValues => ({ title: '', description: '', type: 'streamable-http', url: '', vars: [], headers: [] });

export function formOf(server: Server): ServerFormValues {
  return {
    title: server.title,
    description: server.description,
    type: server.config.type === 'sse' ? 'sse' : 'streamable-http',
    url: server.config.url ?? '',
    vars: Object.entries(server.config.customUserVars ?? {}).map(([name, v]) => ({ key: rowKey(), name, title: v.title, description: v.description ?? '' })),
    headers: server.config.headerNames.map((name) => ({ key: rowKey(), name, value: '', stored: true })),
  };
}

function varsOf(rows: VarRow[]) {
  return Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), { title: r.title.trim() || r.name.trim(), ...(r.description.trim() ? { description: r.description.trim() } : {}) }]));
}

export function createBody(form: ServerFormValues) {
  const headers = Object.fromEntries(form.headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value]));
  const customUserVars = varsOf(form.vars);
  return {
    title: form.title.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    config: {
      type: form.type,
      url: form.url.trim(),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(Object.keys(customUserVars).length > 0 ? { customUserVars } : {}),
    },
  };
}

/** A JSON merge patch from the server as loaded to the form: null removes, omitted keeps (secrets included). */
export function patchBody(server: Server, form: ServerFormValues) {
  const headers: Record<string, string | null> = {};
  const kept = new Set(form.headers.map((h) => h.name.trim()));
  for (const name of server.config.headerNames) if (!kept.has(name)) headers[name] = null;
  for (const h of form.headers) if (h.name.trim() && (!h.stored || h.value !== '')) headers[h.name.trim()] = h.value;
  const customUserVars: Record<string, { title: string; description?: string } | null> = { ...varsOf(form.vars) };
  for (const name of Object.keys(server.config.customUserVars ?? {})) if (!(name in customUserVars)) customUserVars[name] = null;
  const url = form.url.trim();
  return {
    version: server.version,
    title: form.title.trim(),
    description: form.description.trim() || null,
    config: {
      ...(form.type !== server.config.type ? { type: form.type } : {}),
      ...(url !== server.config.url ? { url } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(Object.keys(customUserVars).length > 0 ? { customUserVars } : {}),
    },
  };
}
