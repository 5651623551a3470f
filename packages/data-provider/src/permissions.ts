/**
 * Role permissions (DESIGN.md §3). A role grants, per permission type, a set of permissions.
 * The admin API types (USERS … AUDIT) guard the organisation-scoped admin endpoints.
 */
export const PermissionTypes = {
  MCP_SERVERS: 'MCP_SERVERS',
  MCP_SERVER_INSTALLATIONS: 'MCP_SERVER_INSTALLATIONS',
  USERS: 'USERS',
  GROUPS: 'GROUPS',
  ROLES: 'ROLES',
  API_KEYS: 'API_KEYS',
  AUDIT: 'AUDIT',
} as const;

export type PermissionType = (typeof PermissionTypes)[keyof typeof PermissionTypes];

export const Permissions = {
  USE: 'USE',
  CREATE: 'CREATE',
  SHARE: 'SHARE',
  SHARE_PUBLIC: 'SHARE_PUBLIC',
  READ: 'READ',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  ADMIN: 'ADMIN',
} as const;

export type Permission = (typeof Permissions)[keyof typeof Permissions];

const P = Permissions;

/** The permissions that are meaningful for each type; a role update naming anything else is a 400. */
export const permissionsByType: Readonly<Record<PermissionType, readonly Permission[]>> = {
  MCP_SERVERS: [P.USE, P.CREATE, P.SHARE, P.SHARE_PUBLIC],
  MCP_SERVER_INSTALLATIONS: [P.READ, P.CREATE, P.UPDATE, P.DELETE, P.ADMIN],
  USERS: [P.READ, P.CREATE, P.UPDATE, P.DELETE],
  GROUPS: [P.READ, P.CREATE, P.UPDATE, P.DELETE],
  ROLES: [P.READ, P.CREATE, P.UPDATE],
  /** READ/CREATE/DELETE act on the caller's own keys; ADMIN on any key of the organisation. */
  API_KEYS: [P.READ, P.CREATE, P.DELETE, P.ADMIN],
  AUDIT: [P.READ],
};

export const permissionTypeList = Object.values(PermissionTypes);

/** `{ MCP_SERVERS: { USE: true, CREATE: false }, … }` — absent means not granted. */
export type RolePermissions = Partial<Record<PermissionType, Partial<Record<Permission, boolean>>>>;

export const SystemRoles = {
  ADMIN: 'ADMIN',
  USER: 'USER',
} as const;

export type SystemRole = (typeof SystemRoles)[keyof typeof SystemRoles];

export const systemRoleList: readonly string[] = Object.values(SystemRoles);

/** Custom role names: upper-case, like the system roles. */
export const ROLE_NAME_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;

function grant(perms: readonly Permission[]): Partial<Record<Permission, boolean>> {
  return Object.fromEntries(perms.map((p) => [p, true]));
}

function allPermissions(): RolePermissions {
  return Object.fromEntries(permissionTypeList.map((t) => [t, grant(permissionsByType[t])])) as RolePermissions;
}

/** Seeded into every organisation; admins may edit USER and create custom roles, ADMIN always has everything. */
export const defaultRolePermissions: Readonly<Record<SystemRole, RolePermissions>> = {
  ADMIN: allPermissions(),
  USER: {
    MCP_SERVERS: grant([P.USE, P.CREATE]),
    MCP_SERVER_INSTALLATIONS: grant([P.READ, P.CREATE, P.DELETE]),
    API_KEYS: grant([P.READ, P.CREATE, P.DELETE]),
  },
};

/** Resource ACL bits (DESIGN.md §3); effective bits = OR over the caller's principals. */
export const PermissionBits = {
  VIEW: 1,
  EDIT: 2,
  DELETE: 4,
  SHARE: 8,
} as const;

export type PermissionBit = (typeof PermissionBits)[keyof typeof PermissionBits];

export const ALL_PERMISSION_BITS = PermissionBits.VIEW | PermissionBits.EDIT | PermissionBits.DELETE | PermissionBits.SHARE;

export const PrincipalType = {
  USER: 'user',
  GROUP: 'group',
  ROLE: 'role',
  PUBLIC: 'public',
} as const;

export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];

export const ResourceType = {
  MCP_SERVER: 'mcpServer',
} as const;

export type ResourceType = (typeof ResourceType)[keyof typeof ResourceType];

/** How the caller authenticated. */
export const AuthMethod = {
  JWT: 'jwt',
  API_KEY: 'apiKey',
} as const;

export type AuthMethod = (typeof AuthMethod)[keyof typeof AuthMethod];
