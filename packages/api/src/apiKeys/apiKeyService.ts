import type { CreateApiKeyInput } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { createApiKey, listApiKeys, revokeApiKey } from './apiKeyServices';

/** API keys for admin HTTP clients. */
export function createApiKeyService(deps: ServiceDeps) {
  return {
    create: (actor: Actor, input: CreateApiKeyInput) => createApiKey(deps, actor, input),
    list: (actor: Actor, query: { userId?: string; limit?: number; after?: string }) => listApiKeys(deps, actor, query),
    revoke: (actor: Actor, id: string) => revokeApiKey(deps, actor, id),
  };
}
