import { UnauthenticatedError } from '../errors/apiError';
import { createTokenService } from './tokens';

const options = { accessSecret: 'a'.repeat(40), refreshSecret: 'r'.repeat(40), accessTtlSeconds: 60, refreshTtlSeconds: 600 };

describe('token service', () => {
  it('signs and verifies access and refresh tokens', () => {
    const tokens = createTokenService(options);
    expect(tokens.verifyAccessToken(tokens.signAccessToken({ sub: 'u', org: 'o' }))).toEqual({ sub: 'u', org: 'o' });
    expect(tokens.verifyRefreshToken(tokens.signRefreshToken({ sub: 'u', sid: 's', jti: 'j' }))).toEqual({ sub: 'u', sid: 's', jti: 'j' });
  });

  it('never accepts one kind of token as the other', () => {
    const tokens = createTokenService({ ...options, refreshSecret: options.accessSecret });
    expect(() => tokens.verifyAccessToken(tokens.signRefreshToken({ sub: 'u', sid: 's', jti: 'j' }))).toThrow(UnauthenticatedError);
    expect(() => tokens.verifyRefreshToken(tokens.signAccessToken({ sub: 'u', org: 'o' }))).toThrow(UnauthenticatedError);
  });

  it('rejects tokens of another service instance', () => {
    const token = createTokenService({ ...options, accessSecret: 'b'.repeat(40) }).signAccessToken({ sub: 'u', org: 'o' });
    expect(() => createTokenService(options).verifyAccessToken(token)).toThrow('Invalid token');
  });
});

describe('verified access-token cache', () => {
  it('answers a repeated token from the cache but still refuses it once expired', () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') });
    try {
      const tokens = createTokenService({ ...options, accessTtlSeconds: 2 });
      const token = tokens.signAccessToken({ sub: 'u', org: 'o' });
      expect(tokens.verifyAccessToken(token)).toEqual({ sub: 'u', org: 'o' });
      expect(tokens.verifyAccessToken(token)).toEqual({ sub: 'u', org: 'o' });
      jest.setSystemTime(new Date('2030-01-01T00:00:03Z'));
      expect(() => tokens.verifyAccessToken(token)).toThrow('Token expired');
    } finally {
      jest.useRealTimers();
    }
  });
});
