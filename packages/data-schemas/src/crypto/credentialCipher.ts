import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export interface CredentialCipher {
  /** `v1:<keyId>:<iv>:<tag>:<ciphertext>`, each part base64url (keyId: hex). */
  encrypt(plaintext: string): string;
  decrypt(envelope: string): string;
  /** The id of the key new envelopes are written with. */
  readonly keyId: string;
  /** True when `envelope` was written with another key (a rotation script re-encrypts it). */
  needsReencryption(envelope: string): boolean;
}

export class CredentialDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialDecryptError';
  }
}

function parseKey(key: string | Buffer): Buffer {
  const buf = typeof key === 'string' ? Buffer.from(key, 'hex') : key;
  if (buf.length !== KEY_BYTES) throw new Error('A credentials key must be 32 bytes (64 hex characters)');
  return buf;
}

/** A short, stable, non-secret name for a key, so an envelope says which key opens it. */
export function credentialKeyId(key: string | Buffer): string {
  return createHash('sha256').update(parseKey(key)).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM for secrets at rest (DESIGN.md §5). `key` encrypts; `previousKeys` only decrypt (during rotation).
 * Keys are passed in (from CREDS_KEY via the config), never read here.
 */
export function createCredentialCipher(key: string | Buffer, previousKeys: Array<string | Buffer> = []): CredentialCipher {
  const current = parseKey(key);
  const keyId = credentialKeyId(current);
  const keys = new Map<string, Buffer>([[keyId, current]]);
  for (const k of previousKeys) keys.set(credentialKeyId(k), parseKey(k));

  function encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  function decrypt(envelope: string): string {
    const parts = envelope.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new CredentialDecryptError('Unknown credential envelope format');
    const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const k = keys.get(id);
    if (!k) throw new CredentialDecryptError(`No key for credential key id ${id}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialDecryptError('Credential could not be decrypted (wrong key or tampered data)');
    }
  }

  function needsReencryption(envelope: string): boolean {
    return envelope.split(':')[1] !== keyId;
  }

  return { encrypt, decrypt, keyId, needsReencryption };
}
