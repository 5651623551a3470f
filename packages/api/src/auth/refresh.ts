import type { Methods } from '@mcp-registry/data-schemas';
import { UnauthenticatedError } from '../errors/apiError';
import type { SessionTokens } from './login';
import type { TokenService } from './tokens';

export type RefreshDeps = Pick<Methods, 'rotateSession' | 'findUserById' | 'deleteSession'> & { tokens: TokenService };

/**
 * Refresh-token rotation: the session accepts only its current token id, so a stolen-and-replayed refresh
 * token fails (and the legitimate holder's next refresh fails too, ending the session).
 */
export async function refreshSession(deps: RefreshDeps, refreshToken: string | undefined): Promise<SessionTokens> {
  if (!refreshToken) throw new UnauthenticatedError('No refresh token');
  const claims = deps.tokens.verifyRefreshToken(refreshToken);
  const nextTokenId = deps.tokens.newTokenId();
  const refreshExpiresAt = deps.tokens.refreshExpiresAt();
  const session = await deps.rotateSession(claims.sid, claims.jti, { tokenId: nextTokenId, expiresAt: refreshExpiresAt });
  if (!session) {
    await deps.deleteSession(claims.sid);
    throw new UnauthenticatedError('Session expired or ended');
  }
  const user = await deps.findUserById(claims.sub);
  if (!user) throw new UnauthenticatedError('Session expired or ended');
  return {
    token: deps.tokens.signAccessToken({ sub: claims.sub, org: String(user.organizationId) }),
    refreshToken: deps.tokens.signRefreshToken({ sub: claims.sub, sid: claims.sid, jti: nextTokenId }),
    refreshExpiresAt,
    user,
  };
}

/** Ends the session of the refresh token, if it is a valid one; logging out is always allowed. */
export async function logout(deps: Pick<RefreshDeps, 'deleteSession' | 'tokens'>, refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  try {
    const claims = deps.tokens.verifyRefreshToken(refreshToken);
    await deps.deleteSession(claims.sid);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
  }
}
