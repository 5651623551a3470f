import type { GroupDto } from '@mcp-registry/data-provider';
import type { IGroup } from '@mcp-registry/data-schemas';

export function toGroupDto(group: IGroup): GroupDto {
  return {
    id: String(group._id),
    organizationId: String(group.organizationId),
    name: group.name,
    description: group.description ?? '',
    members: (group.members ?? []).map((m) => ({ userId: String(m.userId), role: m.role })),
    createdAt: new Date(group.createdAt).toISOString(),
    updatedAt: new Date(group.updatedAt).toISOString(),
  };
}
