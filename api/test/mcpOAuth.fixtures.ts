import request from 'supertest';
import type { Response } from 'supertest';
import { MCP_OAUTH_CSRF_COOKIE } from '@mcp-registry/data-provider';
import type { App } from '../server/app';
import { as } from './support/as';
import type { TestContext, TestUser } from './support/context';
import { makeServer } from './support/mcpServers';
import type { OAuthPeer } from './support/oauthPeer';

export interface StartedFlow {
  flowId: string;
  authorizationUrl: string;
  csrf: string;
  setCookie: string;
}

/** A catalog server for the peer's MCP endpoint, created and installed by `user` (personal, or org-wide by an admin). */
export async function installOAuthServer(
  ctx: TestContext,
  peer: OAuthPeer,
  user: TestUser,
  scope: 'personal' | 'org' = 'personal',
): Promise<{ serverName: string; serverId: string; installationId: string }> {
  const server = await makeServer(ctx, user, { title: `OAuth ${Math.random().toString(36).slice(2, 8)}`, config: { type: 'streamable-http', url: peer.mcpUrl } });
  const installed = await as(ctx, user).post('/api/mcp_server', { catalogId: server.id, scope });
  if (installed.status !== 201) throw new Error(`install: ${installed.status} ${JSON.stringify(installed.body)}`);
  return { serverName: server.serverName, serverId: server.id, installationId: (installed.body as { id: string }).id };
}

function csrfCookieOf(res: Response): { value: string; header: string } {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const header = raw.find((c) => c.startsWith(`${MCP_OAUTH_CSRF_COOKIE}=`));
  if (!header) throw new Error(`no ${MCP_OAUTH_CSRF_COOKIE} cookie in ${JSON.stringify(raw)}`);
  return { value: decodeURIComponent(header.split(';')[0]!.slice(MCP_OAUTH_CSRF_COOKIE.length + 1)), header };
}

export async function initiate(ctx: TestContext, user: TestUser, serverName: string, app?: App): Promise<StartedFlow> {
  const res = await request(app ?? ctx.app).post(`/api/mcp/${serverName}/oauth/initiate`).set('Authorization', `Bearer ${ctx.tokenFor(user)}`);
  if (res.status !== 200) throw new Error(`initiate: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = csrfCookieOf(res);
  const body = res.body as { flowId: string; authorizationUrl: string };
  return { flowId: body.flowId, authorizationUrl: body.authorizationUrl, csrf: cookie.value, setCookie: cookie.header };
}

/** The browser at the authorization server: follows its redirect and returns the callback's path and query. */
export async function authorize(authorizationUrl: string): Promise<string> {
  const res = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`authorize: ${res.status} ${await res.text()}`);
  const url = new URL(location);
  return `${url.pathname}${url.search}`;
}

export function callback(app: App, path: string, csrf?: string) {
  const req = request(app).get(path);
  return csrf === undefined ? req : req.set('Cookie', `${MCP_OAUTH_CSRF_COOKIE}=${encodeURIComponent(csrf)}`);
}

/** Initiate → authorize → callback with the cookie: the user holds tokens afterwards. */
export async function connect(ctx: TestContext, user: TestUser, serverName: string): Promise<StartedFlow> {
  const flow = await initiate(ctx, user, serverName);
  const res = await callback(ctx.app, await authorize(flow.authorizationUrl), flow.csrf);
  if (res.status !== 302 || !String(res.headers.location).includes('/oauth/success')) throw new Error(`callback: ${res.status} ${res.headers.location}`);
  return flow;
}
