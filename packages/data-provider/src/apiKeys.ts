/** API keys look like `mcpr_<prefix>_<secret>`; the prefix is stored and shown, the whole key only hashed. */
export const API_KEY_PREFIX = 'mcpr_';

export interface ApiKeyDto {
  id: string;
  organizationId: string;
  userId: string;
  name: string;
  /** The first characters of the key, enough to recognise it. */
  prefix: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
}

/** Returned once, by the create call only. */
export interface CreatedApiKeyDto extends ApiKeyDto {
  key: string;
}

export interface CreateApiKeyInput {
  name: string;
  expiresAt?: string;
  /** An admin may create a key for another user of the organisation. */
  userId?: string;
}
