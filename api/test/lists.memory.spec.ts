import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Types } from 'mongoose';
import request from 'supertest';
import { encodeCursor } from '@mcp-registry/data-schemas';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { makeServer } from './support/mcpServers';

/**
 * Nothing in the request path keeps what a list request asked for: thousands of distinct queries (forged cursors,
 * random searches), as any user can send, leave the heap where it was.
 */
const QUERIES = 2_000;
/** Enough that a forged cursor's page is full (100 servers): a kept page would weigh tens of kilobytes. */
const SERVERS = 100;
const MAX_GROWTH_BYTES = 32 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let member: TestUser;
let server: Server;
let base: string;

beforeAll(async () => {
  ctx = await createTestContext('lists-memory');
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  member = await ctx.makeUser(org);
  for (let batch = 0; batch < SERVERS / 10; batch += 1) {
    await Promise.all(Array.from({ length: 10 }, (_, i) => makeServer(ctx, admin, { title: `Memory ${batch}-${i}`, description: 'x'.repeat(200) })));
  }
  const [first] = (await request(ctx.app).get('/api/mcp/servers?limit=5').set('Authorization', `Bearer ${ctx.tokenFor(admin)}`)).body.data as Array<{ id: string }>;
  await request(ctx.app).post('/api/mcp_server').set('Authorization', `Bearer ${ctx.tokenFor(admin)}`).send({ catalogId: first?.id, userId: member.id });
  server = ctx.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

function distinctQuery(i: number): string {
  const forged = encodeURIComponent(encodeCursor({ id: new Types.ObjectId() }));
  const search = randomBytes(12).toString('hex');
  switch (i % 4) {
    case 0:
      return `/api/mcp/servers?limit=100&after=${forged}`;
    case 1:
      return `/api/mcp/servers?limit=100&search=${search}`;
    case 2:
      return `/api/mcp_server?limit=100&after=${forged}`;
    default:
      return `/api/mcp_server?limit=${1 + (i % 100)}&catalogId=${new Types.ObjectId().toHexString()}`;
  }
}

async function heapAfterGc(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('list requests and memory', () => {
  it(`${QUERIES} distinct list queries by two users leave the heap within ${MAX_GROWTH_BYTES / 1024 / 1024} MB of where it was`, async () => {
    const callers = [admin, member].map((u) => `Bearer ${ctx.tokenFor(u)}`);
    const run = async (from: number, count: number) => {
      const statuses = new Set<number>();
      for (let i = from; i < from + count; i += 1) {
        const res = await request(base).get(distinctQuery(i)).set('Authorization', callers[i % 2] as string);
        statuses.add(res.status);
      }
      return statuses;
    };
    await run(0, 200);
    const before = await heapAfterGc();

    const statuses = await run(200, QUERIES);
    const after = await heapAfterGc();

    expect([...statuses]).toEqual([200]);
    expect(ctx.app.actorCache.size().entries).toBeLessThanOrEqual(2);
    expect(after - before).toBeLessThan(MAX_GROWTH_BYTES);
  }, 180_000);
});
