import request from 'supertest';
import type { McpServerDto, ResourcePermissionsDto, UpdateResourcePermissionsInput } from '@mcp-registry/data-provider';
import type { TestContext } from './context';

type Caller = { _id: unknown; organizationId: unknown };

/** `Authorization` header value for a test user. */
export function bearerFor(ctx: TestContext, user: Caller): string {
  return `Bearer ${ctx.tokenFor(user)}`;
}

/** A valid create body; the URL uses a reserved test domain (the test DNS answers a public address). */
export function serverBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Weather Tools',
    description: 'Forecasts and alerts',
    config: { type: 'streamable-http', url: 'https://mcp.example.com/mcp' },
    ...overrides,
  };
}

/** Creates a server through the API as `owner` and returns it (fails the test on anything but 201). */
export async function makeServer(ctx: TestContext, owner: Caller, overrides: Record<string, unknown> = {}): Promise<McpServerDto> {
  const res = await request(ctx.app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner)).send(serverBody(overrides));
  if (res.status !== 201) throw new Error(`makeServer: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as McpServerDto;
}

/** Changes a server's sharing through the API as `sharer` (an owner, usually an admin in tests). */
export async function share(
  ctx: TestContext,
  sharer: Caller,
  serverId: string,
  input: UpdateResourcePermissionsInput,
): Promise<ResourcePermissionsDto> {
  const res = await request(ctx.app).put(`/api/permissions/mcpServer/${serverId}`).set('Authorization', bearerFor(ctx, sharer)).send(input);
  if (res.status !== 200) throw new Error(`share: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ResourcePermissionsDto;
}

/** Lets the organisation's USER role share (and optionally share publicly), as an admin would. */
export async function allowUsersToShare(ctx: TestContext, organizationId: unknown, options: { public?: boolean } = {}): Promise<void> {
  await ctx.methods.setRolePermissions(String(organizationId), 'USER', 'MCP_SERVERS', { SHARE: true, SHARE_PUBLIC: options.public ?? false });
}

/** Every page of `GET /api/mcp/servers` for the user, following `after`. */
export async function listAll(ctx: TestContext, user: Caller, query: Record<string, string | number> = {}): Promise<McpServerDto[]> {
  const out: McpServerDto[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const res = await request(ctx.app)
      .get('/api/mcp/servers')
      .query({ ...query, ...(after ? { after } : {}) })
      .set('Authorization', bearerFor(ctx, user));
    if (res.status !== 200) throw new Error(`listAll: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as { data: McpServerDto[]; has_more: boolean; after: string | null };
    out.push(...body.data);
    if (!body.has_more) return out;
    after = body.after;
  }
  throw new Error('listAll: too many pages');
}
