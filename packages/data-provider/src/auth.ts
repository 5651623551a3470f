import type { RolePermissions } from './permissions';
import type { UserDto } from './users';

export interface LoginInput {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: UserDto;
}

export const REFRESH_COOKIE_NAME = 'refreshToken';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** What the caller's role grants, so a client can offer only what the API would allow. */
export interface CallerPermissions {
  role: string;
  permissions: RolePermissions;
}
