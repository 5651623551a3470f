import { useQuery } from '@tanstack/react-query';
import { SystemRoles } from '@mcp-registry/data-provider';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** The organisation's roles as select options (the system roles until the list is loaded). */
export function useRoleOptions() {
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/roles')), staleTime: 60_000 });
  const names = roles.data?.data?.map((r) => r.name) ?? Object.values(SystemRoles);
  return names.map((name) => ({ value: name, label: name }));
}
