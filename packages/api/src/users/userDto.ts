import type { UserDto } from '@mcp-registry/data-provider';
import type { UserRecord } from '@mcp-registry/data-schemas';

export function toUserDto(user: UserRecord): UserDto {
  return {
    id: String(user._id),
    organizationId: String(user.organizationId),
    email: user.email,
    name: user.name ?? '',
    role: user.role,
    createdAt: new Date(user.createdAt).toISOString(),
    updatedAt: new Date(user.updatedAt).toISOString(),
  };
}
