/** Who an installation is for (DESIGN.md §2): one user, one group (a team) or the whole organisation. */
export const InstallationScope = {
  PERSONAL: 'personal',
  TEAM: 'team',
  ORG: 'org',
} as const;

export type InstallationScope = (typeof InstallationScope)[keyof typeof InstallationScope];

export const installationScopeList: readonly InstallationScope[] = Object.values(InstallationScope);

/** `needs_configuration`: the server declares custom user variables the installation has no value for. */
export const InstallationStatus = {
  ACTIVE: 'active',
  NEEDS_CONFIGURATION: 'needs_configuration',
} as const;

export type InstallationStatus = (typeof InstallationStatus)[keyof typeof InstallationStatus];

/** Names of custom user variables (`API_KEY`, `workspace_id`); values are secrets, stored encrypted. */
export const CUSTOM_USER_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const CUSTOM_USER_VARS_MAX_COUNT = 50;
export const CUSTOM_USER_VAR_VALUE_MAX_LENGTH = 4096;

export interface InstallationUserDetails {
  userId: string;
  email: string;
  name: string;
}

export interface InstallationTeamDetails {
  id: string;
  name: string;
}

/** An installation as every endpoint returns it (create, idempotent replay, get, list). */
export interface InstallationDto {
  id: string;
  catalogId: string;
  serverName: string;
  scope: InstallationScope;
  /** The user a personal installation belongs to; null for team and org installations. */
  ownerId: string | null;
  teamId: string | null;
  /** Who created it (an admin installing on behalf of someone else, or the owner). */
  installedBy: string;
  /** The users assigned to it (McpServerUser rows). */
  users: string[];
  userDetails: InstallationUserDetails[];
  /** Who `installedBy` is, so the person an installation was made for can see who made it; null once that account is deleted. */
  installedByDetails: InstallationUserDetails | null;
  teamDetails: InstallationTeamDetails | null;
  status: InstallationStatus;
  /** Values are write-only; this only says whether any were stored. */
  hasCustomUserVars: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateInstallationInput {
  catalogId: string;
  scope?: InstallationScope;
  /** Install for this user instead of the caller (personal scope only; needs the ADMIN permission). */
  userId?: string;
  /** The group of a team installation. */
  teamId?: string;
  customUserVars?: Record<string, string>;
}

/** PATCH /api/mcp_server/:id: absent fields stay; `customUserVars` replaces every stored value (`null` clears them). */
export interface UpdateInstallationInput {
  customUserVars?: Record<string, string> | null;
  status?: InstallationStatus;
}

/** Fields that identify an installation: a PATCH naming one is refused (delete and install again instead). */
export const IMMUTABLE_INSTALLATION_FIELDS = ['catalogId', 'scope', 'ownerId', 'teamId', 'userId', 'installedBy'] as const;

export interface ListInstallationsQuery {
  limit?: number;
  after?: string;
  catalogId?: string;
  /** Personal installations owned by this user. */
  userId?: string;
  scope?: InstallationScope;
}
