import { writeFileSync } from 'node:fs';
import http from 'node:http';
import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { CaseBuilder } from './support/fuzz/fuzzCases';
import type { FuzzActor, FuzzCase } from './support/fuzz/fuzzCases';
import { OpenApiReader } from './support/fuzz/openApiOperations';
import { rawClient } from './support/fuzz/rawClient';
import type { RawResponse } from './support/fuzz/rawClient';
import { makeServer } from './support/mcpServers';
import { startOAuthPeer } from './support/oauthPeer';
import type { OAuthPeer } from './support/oauthPeer';

/**
 * Every operation of the served OpenAPI document, every parameter and body field, with hostile input generated
 * from what the document declares. Set FUZZ_SEED to replay a run (the seed is printed), FUZZ_REPORT=<file> to get
 * every finding as JSON.
 */

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let member: TestUser;
let server: http.Server;
/** The catalog server's MCP endpoint and authorization server, on 127.0.0.1, so that nothing leaves the machine. */
let peer: OAuthPeer;

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Finding {
  label: string;
  status: number;
  problem: string;
  body: string;
}

function envelopeProblem(res: RawResponse): string | null {
  let body: { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    return 'the error body is not JSON';
  }
  const error = body.error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') return 'the error body is not the envelope';
  if (error.requestId !== res.headers['x-request-id']) return 'the envelope lacks the request id';
  return null;
}

/** A redirect counts as a refusal: browser-facing routes (the OAuth callback) answer every problem with one. */
function problemOf(c: FuzzCase, res: RawResponse): string | null {
  if (res.failure) return `no answer: ${res.failure}`;
  if (res.status >= 500) return 'server error';
  if (res.status >= 400) return envelopeProblem(res);
  if (c.undeclared && res.status < 300) return 'undeclared input was accepted';
  return null;
}

async function fixtures(): Promise<Record<string, string[]>> {
  const victim = await ctx.makeUser(org);
  const group = await ctx.makeGroup(org, [member]);
  const mcp = await makeServer(ctx, admin, { title: 'Fuzz Target', config: { type: 'streamable-http', url: peer.mcpUrl } });
  const auth = `Bearer ${ctx.tokenFor(admin)}`;
  const installation = await request(ctx.app).post('/api/mcp_server').set('Authorization', auth).send({ catalogId: mcp.id });
  const apiKey = await request(ctx.app).post('/api/keys').set('Authorization', auth).send({ name: 'fuzz' });
  const role = await request(ctx.app).post('/api/roles').set('Authorization', auth).send({ name: 'FUZZ_ROLE' });
  expect([installation.status, apiKey.status, role.status]).toEqual([201, 201, 201]);
  return {
    id: [victim.id, String(group._id), installation.body.id as string, apiKey.body.id as string],
    userId: [member.id, victim.id],
    serverName: [mcp.serverName],
    serverId: [mcp.id],
    name: ['FUZZ_ROLE'],
    permissionType: ['MCP_SERVERS'],
  };
}

beforeAll(async () => {
  ctx = await createTestContext('openapi-fuzz', { mcpSettings: { allowedAddresses: ['127.0.0.1'] } });
  peer = await startOAuthPeer();
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  member = await ctx.makeUser(org);
  server = http.createServer(ctx.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await peer.close();
  await ctx.app.services.mcpOAuth.close();
  await ctx.close();
});

describe('hostile input generated from the OpenAPI document', () => {
  it('never gets a 5xx, answers every 4xx with the envelope, refuses what is undeclared and leaves the service healthy', async () => {
    const knownPathValues = await fixtures();
    const documentRes = await request(ctx.app).get('/api/openapi.json');
    const reader = new OpenApiReader(documentRes.body as Record<string, unknown>);
    const operations = reader.operations();
    const builder = new CaseBuilder(reader, { knownPathValues, seed, randomPerField: 1 });
    const cases = operations.flatMap((op) => builder.casesFor(op));
    const ordered = [...cases.filter((c) => c.method !== 'DELETE'), ...cases.filter((c) => c.method === 'DELETE')];

    const tokens: Record<FuzzActor, string | undefined> = {
      admin: `Bearer ${ctx.tokenFor(admin)}`,
      member: `Bearer ${ctx.tokenFor(member)}`,
      anonymous: undefined,
    };
    const send = rawClient(server);
    const counts = { requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const findings: Finding[] = [];
    const started = Date.now();
    for (const c of ordered) {
      const token = tokens[c.actor];
      const headers = token ? { ...c.headers, Authorization: token } : c.headers;
      const res = await send(c.method, c.url, headers, c.body);
      counts.requests += 1;
      const bucket = `${Math.floor(res.status / 100)}xx` as keyof typeof counts;
      if (bucket in counts) counts[bucket] += 1;
      const problem = problemOf(c, res);
      if (problem) findings.push({ label: c.label, status: res.status, problem, body: res.text.slice(0, 200) });
    }
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(findings, null, 2));
    console.log(
      `[fuzz] seed ${seed}: ${counts.requests} requests over ${operations.length} operations in ${Date.now() - started} ms — ` +
        `2xx ${counts['2xx']}, 3xx ${counts['3xx']}, 4xx ${counts['4xx']}, 5xx ${counts['5xx']}, findings ${findings.length}`,
    );

    expect(operations.length).toBeGreaterThan(30);
    expect(counts.requests).toBeGreaterThan(1000);
    expect(findings.slice(0, 25)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const auth = `Bearer ${ctx.tokenFor(admin)}`;
    expect((await request(ctx.app).get('/health')).status).toBe(200);
    expect((await request(ctx.app).get('/api/users').set('Authorization', auth)).status).toBe(200);
    const group = await request(ctx.app).post('/api/groups').set('Authorization', auth).send({ name: 'after the fuzz' });
    expect(group.status).toBe(201);
  }, 120_000);
});
