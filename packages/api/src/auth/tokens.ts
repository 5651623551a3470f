import { createSecretKey, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthenticatedError } from '../errors/apiError';

/** Pinned: a token signed with anything else (including `none`) is refused. */
const ALGORITHM = 'HS256';
const ISSUER = 'mcp-registry';

export interface AccessClaims {
  sub: string;
  org: string;
}

export interface RefreshClaims {
  sub: string;
  /** Session id. */
  sid: string;
  /** Token id; the session accepts only its current one. */
  jti: string;
}

export interface TokenServiceOptions {
  accessSecret: string;
  refreshSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export interface TokenService {
  signAccessToken(claims: AccessClaims): string;
  verifyAccessToken(token: string): AccessClaims;
  signRefreshToken(claims: RefreshClaims): string;
  verifyRefreshToken(token: string): RefreshClaims;
  newTokenId(): string;
  refreshExpiresAt(now?: Date): Date;
  readonly refreshTtlSeconds: number;
}

const VERIFIED_CACHE_MAX = 10_000;

/**
 * Access tokens already verified by this process, until they expire. A JWT cannot be revoked anyway, so the
 * answer for a token is fixed until `exp`; this saves the signature check on every request of a session.
 */
function createVerifiedCache() {
  const entries = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();
  return {
    get(token: string): AccessClaims | undefined {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (hit.expiresAtMs > Date.now()) return hit.claims;
      entries.delete(token);
      return undefined;
    },
    set(token: string, claims: AccessClaims, expSeconds: number): void {
      if (entries.size >= VERIFIED_CACHE_MAX) entries.delete(entries.keys().next().value as string);
      entries.set(token, { claims, expiresAtMs: expSeconds * 1000 });
    },
  };
}

function verify(token: string, key: KeyObject, audience: string): jwt.JwtPayload {
  try {
    const payload = jwt.verify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
    if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new UnauthenticatedError('Invalid token');
    return payload;
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) throw new UnauthenticatedError('Token expired');
    throw new UnauthenticatedError('Invalid token');
  }
}

/**
 * Signs and verifies JWTs with KeyObjects (a string secret costs far more CPU per verify in jsonwebtoken 9)
 * and a pinned algorithm. Access and refresh tokens use different keys and audiences.
 */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const accessKey = createSecretKey(Buffer.from(options.accessSecret, 'utf8'));
  const refreshKey = createSecretKey(Buffer.from(options.refreshSecret, 'utf8'));
  const verified = createVerifiedCache();

  return {
    refreshTtlSeconds: options.refreshTtlSeconds,
    signAccessToken: (claims) =>
      jwt.sign({ org: claims.org }, accessKey, {
        algorithm: ALGORITHM,
        subject: claims.sub,
        issuer: ISSUER,
        audience: 'access',
        expiresIn: options.accessTtlSeconds,
      }),
    verifyAccessToken(token) {
      const cached = verified.get(token);
      if (cached) return cached;
      const p = verify(token, accessKey, 'access');
      if (typeof p.org !== 'string' || typeof p.exp !== 'number') throw new UnauthenticatedError('Invalid token');
      const claims = { sub: p.sub as string, org: p.org };
      verified.set(token, claims, p.exp);
      return claims;
    },
    signRefreshToken: (claims) =>
      jwt.sign({ sid: claims.sid }, refreshKey, {
        algorithm: ALGORITHM,
        subject: claims.sub,
        jwtid: claims.jti,
        issuer: ISSUER,
        audience: 'refresh',
        expiresIn: options.refreshTtlSeconds,
      }),
    verifyRefreshToken(token) {
      const p = verify(token, refreshKey, 'refresh');
      if (typeof p.sid !== 'string' || typeof p.jti !== 'string') throw new UnauthenticatedError('Invalid token');
      return { sub: p.sub as string, sid: p.sid, jti: p.jti };
    },
    newTokenId: () => randomUUID(),
    refreshExpiresAt: (now = new Date()) => new Date(now.getTime() + options.refreshTtlSeconds * 1000),
  };
}
