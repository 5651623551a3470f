import { randomBytes } from 'node:crypto';
import { Mongoose, Types } from 'mongoose';
import { InstallationScope, InstallationStatus, McpConnectionState, McpServerSource, McpTransport } from '@mcp-registry/data-provider';
import type { McpServerConfigInput } from '@mcp-registry/data-provider';
import { createCredentialCipher, createLogger, createMethods, ensureIndexes } from '@mcp-registry/data-schemas';
import type { Methods } from '@mcp-registry/data-schemas';
import { startMcpPeer, startRedirector } from '../../../../../test/mcpPeer';
import type { McpPeer } from '../../../../../test/mcpPeer';
import { testDatabaseUri } from '../../../../../test/testDatabase';
import { AuthRequiredError, NotFoundError, UpstreamUnavailableError } from '../../errors/apiError';
import { SSRFBlockedError } from '../../ssrf/ssrfBlockedError';
import { callToolOn } from './callTool';
import { createConnectionManager } from './connectionManager';
import type { ConnectionManager, ConnectionManagerDeps } from './connectionManager';
import type { ConnectTarget } from './connectTarget';

let mongoose: Mongoose;
let methods: Methods;
const peers: McpPeer[] = [];
const managers: ConnectionManager[] = [];
const organizationId = new Types.ObjectId();
const logger = createLogger({ level: 'error', silent: true });

beforeAll(async () => {
  mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri('mcpConnections'));
  methods = createMethods(mongoose, { cipher: createCredentialCipher(randomBytes(32).toString('hex')) });
  await ensureIndexes(mongoose);
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

async function peer(options: Parameters<typeof startMcpPeer>[0] = {}): Promise<McpPeer> {
  const started = await startMcpPeer(options);
  peers.push(started);
  return started;
}

function manager(overrides: Partial<ConnectionManagerDeps> = {}): ConnectionManager {
  const created = createConnectionManager({ methods, logger, ssrf: { allowedAddresses: ['127.0.0.1'] }, ...overrides });
  managers.push(created);
  return created;
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 25));
};

/** A catalog server and a personal installation of it for a new user, as stored by the real methods. */
async function installed(config: Partial<McpServerConfigInput> & { url: string }, vars: Record<string, string> = {}): Promise<ConnectTarget> {
  const userId = new Types.ObjectId();
  const server = await methods.insertMcpServer({
    organizationId,
    serverName: `srv-${randomBytes(4).toString('hex')}`,
    title: 'Test',
    config: { type: McpTransport.STREAMABLE_HTTP, ...config } as never,
    source: McpServerSource.USER,
    author: userId,
    viewers: [],
  });
  const { installation } = await methods.upsertInstallation({
    organizationId,
    catalogId: server._id,
    serverName: server.serverName,
    scope: InstallationScope.PERSONAL,
    ownerId: userId,
    installedBy: userId,
    customUserVars: vars,
    status: InstallationStatus.ACTIVE,
  });
  return { installation, server, userId: String(userId) };
}

describe('connection manager', () => {
  it('connects over Streamable HTTP, caches the tools in MongoDB and calls a tool', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    const connection = await connections.connect(target);
    expect(connection.transportType).toBe(McpTransport.STREAMABLE_HTTP);
    expect([...connection.toolNames]).toEqual(['echo', 'whoami', 'fail']);
    const row = await methods.findMcpConnection(target.installation._id, target.userId as string);
    expect(row).toEqual(expect.objectContaining({ state: McpConnectionState.CONNECTED, lastError: null, catalogVersion: 1 }));
    expect(JSON.parse(row?.toolsJson ?? '[]')).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'echo', inputSchema: expect.any(Object) })]));
    const result = await callToolOn(connections, target, 'echo', { text: 'hello' });
    expect(result).toEqual({ content: [{ type: 'text', text: 'hello' }], structuredContent: { text: 'hello' } });
    expect(await callToolOn(connections, target, 'fail', {})).toEqual(expect.objectContaining({ isError: true }));
    await expect(callToolOn(connections, target, 'nope', {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it('speaks the legacy SSE transport, directly and as the fallback of a streamable-http server', async () => {
    const upstream = await peer({ protocol: 'sse' });
    const direct = await installed({ type: McpTransport.SSE, url: upstream.url });
    const fallback = await installed({ url: upstream.url });
    const connections = manager();
    expect((await connections.connect(direct)).transportType).toBe(McpTransport.SSE);
    expect((await connections.connect(fallback)).transportType).toBe(McpTransport.SSE);
    expect(upstream.requests).toContain('POST /mcp');
    expect(await callToolOn(connections, fallback, 'echo', { text: 'old' })).toEqual(expect.objectContaining({ content: [{ type: 'text', text: 'old' }] }));
  });

  it('shares one connect attempt between concurrent requests for the same installation and user', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    const all = await Promise.all([1, 2, 3, 4].map(() => connections.connect(target)));
    expect(new Set(all).size).toBe(1);
    expect(upstream.sessionsOpened).toBe(1);
  });

  it('is needs_auth without contacting the server when a variable is missing, and fills {{VAR}} when set', async () => {
    const upstream = await peer({ requireHeader: { name: 'x-api-key', value: 'right' }, echoHeader: 'x-api-key' });
    const target = await installed({ url: upstream.url, headers: { 'x-api-key': '{{API_KEY}}' }, customUserVars: { API_KEY: { title: 'Key' } } });
    const connections = manager();
    const missing = await connections.connect(target).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AuthRequiredError);
    expect((missing as AuthRequiredError).requirement).toEqual({ oauth: false, missing: ['API_KEY'] });
    expect(upstream.requests).toEqual([]);
    expect(await methods.findMcpConnection(target.installation._id, target.userId as string)).toEqual(expect.objectContaining({ state: McpConnectionState.NEEDS_AUTH }));

    const ref = { organizationId, installationId: target.installation._id, userId: target.userId as string };
    await methods.setUserCredentials(ref, { API_KEY: 'wrong' });
    await expect(connections.connect(target)).rejects.toBeInstanceOf(AuthRequiredError);
    expect(await methods.findMcpConnection(target.installation._id, target.userId as string)).toEqual(
      expect.objectContaining({ state: McpConnectionState.NEEDS_AUTH, lastError: 'the server answered HTTP 401' }),
    );

    await methods.setUserCredentials(ref, { API_KEY: 'right' });
    expect(await callToolOn(connections, target, 'whoami', {})).toEqual({ content: [{ type: 'text', text: 'right' }] });
  });

  it('re-makes a connection whose catalog version is older, and ends the old session', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    const first = await connections.connect(target);
    const second = await connections.connect({ ...target, server: { ...target.server, version: target.server.version + 1 } });
    expect(second).not.toBe(first);
    await until(() => upstream.sessionsClosed === 1);
    expect(upstream).toEqual(expect.objectContaining({ sessionsOpened: 2, sessionsClosed: 1 }));
  });

  it('closes the connections of an installation (the server sees the session end)', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    await connections.connect(target);
    expect(connections.closeInstallation(target.installation._id)).toBe(1);
    await until(() => upstream.sessionsClosed === 1);
    expect(upstream.sessionsClosed).toBe(1);
    expect(connections.localState(target.installation._id, target.userId)).toBeUndefined();
  });

  it('reports a stopped server as error with the reason, and connects again once it is back', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    await connections.connect(target);
    await upstream.stop();
    const error = await callToolOn(connections, target, 'echo', { text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toMatch(/connection refused/);
    const row = await methods.findMcpConnection(target.installation._id, target.userId as string);
    expect(row).toEqual(expect.objectContaining({ state: McpConnectionState.ERROR, lastError: 'connection refused' }));

    await upstream.start();
    await connections.connect(target, { fresh: true });
    expect(await callToolOn(connections, target, 'echo', { text: 'back' })).toEqual(expect.objectContaining({ content: [{ type: 'text', text: 'back' }] }));
  });

  it('re-makes a session the restarted server no longer knows, once', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    await connections.connect(target);
    await upstream.stop();
    await upstream.start();
    expect(await callToolOn(connections, target, 'echo', { text: 'again' })).toEqual(expect.objectContaining({ content: [{ type: 'text', text: 'again' }] }));
    expect(upstream.sessionsOpened).toBe(2);
  });

  it('refuses a server that redirects to a blocked address, without following it', async () => {
    const redirector = await startRedirector('http://169.254.169.254/mcp');
    try {
      const target = await installed({ url: redirector.url });
      const error = await manager().connect(target).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SSRFBlockedError);
      expect((error as SSRFBlockedError).reason).toMatch(/redirect refused/);
      const row = await methods.findMcpConnection(target.installation._id, target.userId as string);
      expect(row?.state).toBe(McpConnectionState.ERROR);
    } finally {
      await redirector.close();
    }
  });

  it('refuses a private address that mcpSettings does not exempt', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    await expect(manager({ ssrf: {} }).connect(target)).rejects.toBeInstanceOf(SSRFBlockedError);
    expect(upstream.requests).toEqual([]);
  });

  it('closes the least recently used connection beyond the cap', async () => {
    const upstream = await peer();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => installed({ url: upstream.url })));
    const connections = manager({ maxConnections: 2 });
    await connections.connect(a as ConnectTarget);
    await connections.connect(b as ConnectTarget);
    await connections.connect(a as ConnectTarget);
    await connections.connect(c as ConnectTarget);
    expect(connections.size).toBe(2);
    expect(connections.localState(b?.installation._id, b?.userId ?? null)).toBeUndefined();
    expect(connections.localState(a?.installation._id, a?.userId ?? null)).toBe(McpConnectionState.CONNECTED);
  });

  it('closes idle connections', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager({ idleTimeoutMs: 500 });
    await connections.connect(target);
    await until(() => connections.size === 0);
    expect(connections.size).toBe(0);
    await until(() => upstream.sessionsClosed === 1);
    expect(upstream.sessionsClosed).toBe(1);
  });

  it('refreshes the cached tools when the server announces a change', async () => {
    const upstream = await peer();
    const target = await installed({ url: upstream.url });
    const connections = manager();
    const seen: string[][] = [];
    connections.onToolsChanged((_t, tools) => seen.push(tools.map((t) => t.name)));
    await connections.connect(target);
    await upstream.setExtraTools(['added']);
    await until(() => seen.length > 0);
    expect(seen[0]).toContain('added');
    await until(async () => ((await methods.findMcpConnection(target.installation._id, target.userId as string))?.toolsJson ?? '').includes('added'));
    expect((await methods.findMcpConnection(target.installation._id, target.userId as string))?.toolsJson).toContain('"added"');
  });
});
