import type { Logger, Methods } from '@mcp-registry/data-schemas';
import * as apiKeys from './apiKeys/apiKeyServices';
import { listAudit } from './audit/listAudit';
import type { ListAuditInput } from './audit/listAudit';
import type { Actor } from './auth/actor';
import type { ActorCache } from './auth/actorCache';
import { authenticate } from './auth/authenticate';
import { login } from './auth/login';
import { logout, refreshSession } from './auth/refresh';
import type { TokenService } from './auth/tokens';
import * as groups from './groups/groupServices';
import { authorizeServer } from './mcpServers/authorizeServer';
import { createServer } from './mcpServers/createServer';
import { deleteServer } from './mcpServers/deleteServer';
import { listServers } from './mcpServers/listServers';
import { getSharing } from './mcpServers/sharing/getSharing';
import { updateSharing } from './mcpServers/sharing/updateSharing';
import { syncYamlServers } from './mcpServers/syncYamlServers';
import { updateServer } from './mcpServers/updateServer';
import { install } from './installations/install';
import { getInstallation, listInstallations } from './installations/readInstallations';
import { removeInstallation } from './installations/removeInstallation';
import * as roles from './roles/roleServices';
import type { SsrfOptions } from './ssrf/types';
import { createUser } from './users/createUser';
import { deleteUser } from './users/deleteUser';
import { getUser, listUsers } from './users/readUsers';
import { updateUser } from './users/updateUser';

export interface ServiceDeps {
  methods: Methods;
  logger: Logger;
  tokens: TokenService;
  actorCache: ActorCache;
  /** The SSRF policy for user-supplied outbound URLs (`mcpSettings` plus an injectable DNS lookup). */
  ssrf?: SsrfOptions;
}

type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Binds a use case `(deps, ...args)` to the deps, so controllers call `users.create(actor, input)`. */
function bind<F extends (deps: never, ...args: never[]) => unknown>(fn: F, deps: Parameters<F>[0]): Bound<F> {
  return ((...args: never[]) => fn(deps as never, ...args)) as Bound<F>;
}

/** Every service of the API, bound to its deps. Add a resource with one property. */
export function createServices(input: ServiceDeps) {
  const d = { ...input.methods, logger: input.logger, tokens: input.tokens, actorCache: input.actorCache, ssrf: input.ssrf ?? {} };
  return {
    auth: {
      authenticate: bind(authenticate, d),
      login: bind(login, d),
      refresh: bind(refreshSession, d),
      logout: bind(logout, d),
    },
    users: {
      create: bind(createUser, d),
      list: bind(listUsers, d),
      get: bind(getUser, d),
      update: bind(updateUser, d),
      remove: bind(deleteUser, d),
    },
    groups: {
      create: bind(groups.createGroup, d),
      list: bind(groups.listGroups, d),
      get: bind(groups.getGroup, d),
      update: bind(groups.updateGroup, d),
      remove: bind(groups.deleteGroup, d),
      addMember: bind(groups.addGroupMember, d),
      removeMember: bind(groups.removeGroupMember, d),
    },
    roles: {
      list: bind(roles.listRoles, d),
      get: bind(roles.getRole, d),
      create: bind(roles.createRole, d),
      setPermissions: bind(roles.setRolePermissions, d),
    },
    apiKeys: {
      create: bind(apiKeys.createApiKey, d),
      list: bind(apiKeys.listApiKeys, d),
      revoke: bind(apiKeys.revokeApiKey, d),
    },
    audit: {
      list: (actor: Actor, query: ListAuditInput) => listAudit(d, actor, query),
    },
    mcpServers: {
      authorize: bind(authorizeServer, d),
      list: bind(listServers, d),
      create: bind(createServer, d),
      update: bind(updateServer, d),
      remove: bind(deleteServer, d),
      getSharing: bind(getSharing, d),
      updateSharing: bind(updateSharing, d),
      syncYaml: bind(syncYamlServers, d),
    },
    installations: {
      install: bind(install, d),
      list: bind(listInstallations, d),
      get: bind(getInstallation, d),
      remove: bind(removeInstallation, d),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
