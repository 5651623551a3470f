import { AuthMethod } from '@mcp-registry/data-provider';
import { hashApiKey, looksLikeApiKey } from '@mcp-registry/data-schemas';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { UnauthenticatedError } from '../errors/apiError';
import type { Actor } from './actor';
import type { ActorCache } from './actorCache';
import { loadIdentity } from './loadIdentity';
import type { TokenService } from './tokens';

export type AuthenticateDeps = Pick<
  Methods,
  'findUserById' | 'findRole' | 'listGroupIdsForUser' | 'findApiKeyByHash' | 'touchApiKey'
> & { tokens: TokenService; actorCache: ActorCache; logger: Logger };

function identityOf(deps: AuthenticateDeps, userId: string) {
  return deps.actorCache.get(userId, () => loadIdentity(deps, userId));
}

/** Last lastUsedAt write per key in this process; the method itself also skips fresh keys. */
const TOUCH_INTERVAL_MS = 60_000;
const touchedAt = new Map<string, number>();

function recordUse(deps: AuthenticateDeps, id: string): void {
  const now = Date.now();
  if ((touchedAt.get(id) ?? 0) > now - TOUCH_INTERVAL_MS) return;
  if (touchedAt.size >= 10_000) touchedAt.clear();
  touchedAt.set(id, now);
  deps.touchApiKey(id).catch((error: unknown) => deps.logger.warn('[auth] could not record API key use', { error }));
}

async function authenticateApiKey(deps: AuthenticateDeps, key: string): Promise<Actor> {
  const hash = hashApiKey(key);
  const record = await deps.actorCache.getApiKey(hash, () => deps.findApiKeyByHash(hash));
  if (!record || record.revokedAt) throw new UnauthenticatedError('Invalid API key');
  if (record.expiresAt && new Date(record.expiresAt).getTime() <= Date.now()) throw new UnauthenticatedError('API key expired');
  const identity = await identityOf(deps, String(record.userId));
  if (!identity) throw new UnauthenticatedError('Invalid API key');
  recordUse(deps, String(record._id));
  return { ...identity, authMethod: AuthMethod.API_KEY, apiKeyId: String(record._id) };
}

/** The caller named by `Authorization: Bearer <JWT | API key>`; throws UnauthenticatedError otherwise. */
export async function authenticate(deps: AuthenticateDeps, authorization: string | undefined): Promise<Actor> {
  if (!authorization) throw new UnauthenticatedError();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const token = match?.[1];
  if (!token) throw new UnauthenticatedError('Expected an Authorization: Bearer header');
  if (looksLikeApiKey(token)) return authenticateApiKey(deps, token);
  const claims = deps.tokens.verifyAccessToken(token);
  const identity = await identityOf(deps, claims.sub);
  if (!identity) throw new UnauthenticatedError('Invalid token');
  return { ...identity, authMethod: AuthMethod.JWT };
}
