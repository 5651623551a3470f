import { randomBytes } from 'node:crypto';
import { createCredentialCipher, CredentialDecryptError } from './credentialCipher';

const key = () => randomBytes(32).toString('hex');

describe('credential cipher', () => {
  it('round-trips with a versioned envelope naming the key, and a fresh IV each time', () => {
    const cipher = createCredentialCipher(key());
    const a = cipher.encrypt('s3cret value ✓');
    const b = cipher.encrypt('s3cret value ✓');
    expect(a).toMatch(new RegExp(`^v1:${cipher.keyId}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$`));
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe('s3cret value ✓');
  });

  it('refuses tampered ciphertext and unknown formats', () => {
    const cipher = createCredentialCipher(key());
    const parts = cipher.encrypt('value').split(':');
    const last = parts[4] as string;
    parts[4] = `${last.startsWith('A') ? 'B' : 'A'}${last.slice(1)}`;
    expect(() => cipher.decrypt(parts.join(':'))).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt('plain text')).toThrow(CredentialDecryptError);
  });

  it('decrypts with a previous key during rotation and says the envelope needs re-encryption', () => {
    const oldKey = key();
    const old = createCredentialCipher(oldKey).encrypt('rotate me');
    const rotated = createCredentialCipher(key(), [oldKey]);
    expect(rotated.needsReencryption(old)).toBe(true);
    expect(rotated.decrypt(old)).toBe('rotate me');
    expect(rotated.needsReencryption(rotated.encrypt('x'))).toBe(false);
    expect(() => createCredentialCipher(key()).decrypt(old)).toThrow('No key');
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => createCredentialCipher('abcd')).toThrow('32 bytes');
  });
});
