export interface OrganizationDto {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

export const DEFAULT_ORGANIZATION_SLUG = 'default';
export const ORGANIZATION_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** First admin's login when ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@mcp-registry.local';
