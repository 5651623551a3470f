import { AuditAction } from '@mcp-registry/data-provider';
import type { LoginInput } from '@mcp-registry/data-provider';
import { verifyAgainstDummy, verifyPassword } from '@mcp-registry/data-schemas';
import type { Methods, UserRecord } from '@mcp-registry/data-schemas';
import { UnauthenticatedError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { TokenService } from './tokens';

export type LoginDeps = Pick<Methods, 'findUserByEmailWithPassword' | 'createSession'> & AuditDeps & { tokens: TokenService };

export interface SessionTokens {
  token: string;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserRecord;
}

/** Starts a session: an access token plus a refresh token bound to a new session row. */
export async function startSession(deps: Pick<LoginDeps, 'createSession' | 'tokens'>, user: UserRecord): Promise<SessionTokens> {
  const tokenId = deps.tokens.newTokenId();
  const refreshExpiresAt = deps.tokens.refreshExpiresAt();
  const session = await deps.createSession({ userId: user._id, tokenId, expiresAt: refreshExpiresAt });
  const sub = String(user._id);
  return {
    token: deps.tokens.signAccessToken({ sub, org: String(user.organizationId) }),
    refreshToken: deps.tokens.signRefreshToken({ sub, sid: String(session._id), jti: tokenId }),
    refreshExpiresAt,
    user,
  };
}

/** Email + password → a session. Unknown email and wrong password fail alike (same message, same time). */
export async function login(deps: LoginDeps, input: LoginInput, meta: { requestId?: string } = {}): Promise<SessionTokens> {
  const found = await deps.findUserByEmailWithPassword(input.email);
  if (!found) {
    await verifyAgainstDummy(input.password);
    throw new UnauthenticatedError('Invalid email or password');
  }
  const { passwordHash, ...user } = found;
  const audit = {
    organizationId: String(user.organizationId),
    targetType: 'user',
    targetId: String(user._id),
    requestId: meta.requestId,
  };
  if (!(await verifyPassword(input.password, passwordHash))) {
    await recordAudit(deps, null, { ...audit, action: AuditAction.AUTH_LOGIN_FAILED });
    throw new UnauthenticatedError('Invalid email or password');
  }
  const tokens = await startSession(deps, user);
  await recordAudit(deps, null, { ...audit, action: AuditAction.AUTH_LOGIN, actorId: audit.targetId });
  return tokens;
}
