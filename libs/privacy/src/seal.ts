import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM: the sealed copy of a masked record is confidential and tamper-evident. */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class SealError extends Error {
  readonly code = 'SEAL_INVALID';
}

/** A key from hex or base64 configuration; exactly 32 bytes. */
export function sealKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES)
    throw new SealError(`the unmasking key must be ${KEY_BYTES} bytes (64 hex characters)`);
  return key;
}

/** `iv.tag.ciphertext`, base64url: the record can only be read back with the key. */
export function seal(value: unknown, key: Buffer, associated = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal<T>(sealed: string, key: Buffer, associated = ''): T {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body || iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SealError('not a sealed record');
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAAD(Buffer.from(associated));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
  } catch {
    throw new SealError('the sealed record cannot be opened with this key (wrong key or tampered)');
  }
}
