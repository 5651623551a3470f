import type { ApiKeyDto } from '@mcp-registry/data-provider';
import type { ApiKeyRecord } from '@mcp-registry/data-schemas';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toApiKeyDto(key: ApiKeyRecord): ApiKeyDto {
  return {
    id: String(key._id),
    organizationId: String(key.organizationId),
    userId: String(key.userId),
    name: key.name,
    prefix: key.prefix,
    lastUsedAt: iso(key.lastUsedAt),
    expiresAt: iso(key.expiresAt),
    createdAt: new Date(key.createdAt).toISOString(),
  };
}
