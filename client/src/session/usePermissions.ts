import { useQuery } from '@tanstack/react-query';
import type { Permission, PermissionType, RolePermissions } from '@mcp-registry/data-provider';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useSession } from './SessionProvider';

export interface Permissions {
  loaded: boolean;
  can(type: PermissionType, permission: Permission): boolean;
}

/** What the caller's role grants, so screens offer (or explain why they do not offer) what the API allows. */
export function usePermissions(): Permissions {
  const { user } = useSession();
  const query = useQuery({
    queryKey: ['callerPermissions', user?.id],
    queryFn: () => unwrap(api.GET('/api/user/permissions')),
    enabled: user !== null,
    staleTime: 60_000,
  });
  const granted: RolePermissions = (query.data?.permissions ?? {}) as RolePermissions;
  return { loaded: query.isSuccess, can: (type, permission) => granted[type]?.[permission] === true };
}
