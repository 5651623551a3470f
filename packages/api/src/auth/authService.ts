import type { LoginInput } from '@mcp-registry/data-provider';
import type { ServiceDeps } from '../serviceDeps';
import { authenticate } from './authenticate';
import { login } from './login';
import { logout, refreshSession } from './refresh';

/** Sign-in, token refresh and sign-out, and resolving the caller of a request. */
export function createAuthService(deps: ServiceDeps) {
  return {
    authenticate: (authorization: string | undefined) => authenticate(deps, authorization),
    login: (input: LoginInput, meta: { requestId?: string } = {}) => login(deps, input, meta),
    refresh: (refreshToken: string | undefined) => refreshSession(deps, refreshToken),
    logout: (refreshToken: string | undefined) => logout(deps, refreshToken),
  };
}
