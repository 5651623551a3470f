import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { ALL_PERMISSION_BITS, McpServerSource, McpTransport, PermissionBits, PrincipalType, ResourceType } from '@mcp-registry/data-provider';
import type { InstallationDto, RolePermissions } from '@mcp-registry/data-provider';
import type { IGroup, IOrganization, McpServerRecord } from '@mcp-registry/data-schemas';
import type { TestContext, TestUser } from './support/context';

type Caller = TestUser | { token: string };

export interface ServerOptions {
  /** Users given VIEW on the server. */
  shareWith?: TestUser[];
  /** Groups given VIEW on the server. */
  shareWithGroups?: IGroup[];
  /** Names of custom user variables the server declares. */
  customUserVars?: string[];
}

const unique = () => randomBytes(4).toString('hex');

/** Installation-specific helpers over the shared test context (real methods, real HTTP). */
export function installationFixtures(ctx: TestContext) {
  const db = () => ctx.mongoose.connection.db!;

  function authorization(caller: Caller): string {
    return `Bearer ${'token' in caller ? caller.token : ctx.tokenFor(caller)}`;
  }

  async function share(server: McpServerRecord, type: 'user' | 'group', id: string, permBits: number): Promise<void> {
    await ctx.methods.grantPermission({
      organizationId: server.organizationId,
      principal: { type, id },
      resourceType: ResourceType.MCP_SERVER,
      resourceId: server._id,
      permBits,
    });
  }

  /** A catalog server owned by `owner` (all bits), optionally shared (VIEW) with users and groups. */
  async function makeServer(owner: TestUser, options: ServerOptions = {}): Promise<McpServerRecord> {
    const name = `srv-${unique()}`;
    const customUserVars = Object.fromEntries((options.customUserVars ?? []).map((n) => [n, { title: n }]));
    const server = await ctx.methods.insertMcpServer({
      organizationId: owner.organizationId,
      serverName: name,
      title: name,
      config: {
        type: McpTransport.STREAMABLE_HTTP,
        url: `https://${name}.example.test/mcp`,
        ...(options.customUserVars ? { customUserVars } : {}),
      },
      source: McpServerSource.USER,
      author: owner._id,
      viewers: [`${PrincipalType.USER}:${owner.id}`],
    });
    await share(server, PrincipalType.USER, owner.id, ALL_PERMISSION_BITS);
    for (const u of options.shareWith ?? []) await share(server, PrincipalType.USER, u.id, PermissionBits.VIEW);
    for (const g of options.shareWithGroups ?? []) await share(server, PrincipalType.GROUP, String(g._id), PermissionBits.VIEW);
    return server;
  }

  /** A custom role of the organisation with exactly these permissions. */
  async function makeRole(org: IOrganization, permissions: RolePermissions): Promise<string> {
    const name = `ROLE_${unique().toUpperCase()}`;
    await ctx.methods.createRole({ organizationId: org._id, name, permissions });
    return name;
  }

  const api = {
    install: (caller: Caller, body: unknown) =>
      request(ctx.app).post('/api/mcp_server').set('Authorization', authorization(caller)).send(body as object),
    list: (caller: Caller, query: Record<string, string | number> = {}) =>
      request(ctx.app).get('/api/mcp_server').query(query).set('Authorization', authorization(caller)),
    get: (caller: Caller, id: string) => request(ctx.app).get(`/api/mcp_server/${id}`).set('Authorization', authorization(caller)),
    update: (caller: Caller, id: string, body: unknown) =>
      request(ctx.app).patch(`/api/mcp_server/${id}`).set('Authorization', authorization(caller)).send(body as object),
    remove: (caller: Caller, id: string) => request(ctx.app).delete(`/api/mcp_server/${id}`).set('Authorization', authorization(caller)),
  };

  /** Raw documents, straight from the collections (no service code in between). */
  const raw = {
    installations: (filter: Record<string, unknown> = {}) => db().collection('mcpinstallations').find(filter).toArray(),
    assignments: (filter: Record<string, unknown> = {}) => db().collection('mcpserverusers').find(filter).toArray(),
    audit: (filter: Record<string, unknown> = {}) => db().collection('auditlogs').find(filter).toArray(),
  };

  return { makeServer, makeRole, share, api, raw };
}

export function installationOf(res: Response): InstallationDto {
  return res.body as InstallationDto;
}

/** Every field of an installation response — for create, replay, get and list alike. */
export function expectFullShape(body: InstallationDto): void {
  expect(Object.keys(body).sort()).toEqual(
    [
      'catalogId',
      'createdAt',
      'hasCustomUserVars',
      'id',
      'installedBy',
      'installedByDetails',
      'ownerId',
      'scope',
      'serverName',
      'status',
      'teamDetails',
      'teamId',
      'updatedAt',
      'userDetails',
      'users',
    ].sort(),
  );
}
