import { MCP_TEST_ADDRESS } from './backend';
import type { Person } from './people';

/** Direct API calls for setup and for changes "made by someone else"; the screens under test never use this. */
export async function tokenOf(baseUrl: string, person: Pick<Person, 'email' | 'password'>): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  if (!res.ok) throw new Error(`login of ${person.email} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function call<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is set by globalSetup');
  return url;
}

export interface CatalogServer {
  id: string;
  serverName: string;
  version: number;
}

/** As `person`, through the API: a catalog server (no connection is made), optionally shared with others as viewers. */
export async function makeServer(person: Pick<Person, 'email' | 'password'>, title: string, shareWith: Array<Pick<Person, 'email'>> = []): Promise<CatalogServer> {
  return makeServerWithConfig(person, title, { url: `http://${MCP_TEST_ADDRESS}/mcp` }, shareWith);
}

/** As `person`, through the API: a catalog server with the given connection settings, shared with others as viewers. */
export async function makeServerWithConfig(
  person: Pick<Person, 'email' | 'password'>,
  title: string,
  config: Record<string, unknown>,
  shareWith: Array<Pick<Person, 'email'>> = [],
): Promise<CatalogServer> {
  const token = await tokenOf(baseUrl(), person);
  const server = await call<CatalogServer>(baseUrl(), token, 'POST', '/api/mcp/servers', { title, config: { type: 'streamable-http', ...config } });
  const updated = [];
  for (const other of shareWith) updated.push({ type: 'user', id: await findUserId(token, other.email), accessRoleId: 'mcpServer_viewer' });
  if (updated.length > 0) await call(baseUrl(), token, 'PUT', `/api/permissions/mcpServer/${server.id}`, { updated });
  return server;
}

/** Someone else's edit of a server, straight through the API. */
export async function renameServer(person: Pick<Person, 'email' | 'password'>, server: CatalogServer, title: string): Promise<void> {
  const token = await tokenOf(baseUrl(), person);
  await call(baseUrl(), token, 'PATCH', `/api/mcp/servers/${server.serverName}`, { version: server.version, title });
}

/** As `person`, through the API: installs `server` (for another user with `userId`, org-wide with `scope: 'org'`). */
export async function installThroughApi(person: Pick<Person, 'email' | 'password'>, server: CatalogServer, options: { userId?: string; scope?: string } = {}): Promise<void> {
  const token = await tokenOf(baseUrl(), person);
  await call(baseUrl(), token, 'POST', '/api/mcp_server', { catalogId: server.id, ...options });
}

export async function userIdOf(asPerson: Pick<Person, 'email' | 'password'>, email: string): Promise<string> {
  return findUserId(await tokenOf(baseUrl(), asPerson), email);
}

async function findUserId(token: string, email: string): Promise<string> {
  const page = await call<{ data: Array<{ id: string }> }>(baseUrl(), token, 'GET', `/api/users?search=${encodeURIComponent(email)}`);
  const id = page.data[0]?.id;
  if (!id) throw new Error(`no user ${email}`);
  return id;
}
