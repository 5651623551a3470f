import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@mcp-registry/data-provider';

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** A new key `mcpr_<8 hex>_<43 base64url>`: 256 random bits, so a plain SHA-256 is a safe lookup hash. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = `${API_KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}
