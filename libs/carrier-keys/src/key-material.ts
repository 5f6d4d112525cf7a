import { createHash, randomBytes } from 'node:crypto';

/**
 * Issued keys read `pxk_<keyId>_<secret>`: `keyId` (8 hex) is public (lists, audit, the carrier's
 * own records), `secret` is 32 random bytes (256 bits, base64url). Only the SHA-256 of the whole
 * key is stored. A fast hash is enough here, unlike for passwords: a key is never guessable, so
 * a stolen hash cannot be reversed by trying candidates (2^256 of them), and the gateway hashes
 * once per request on the hot path (about a microsecond; scrypt would cost tens of ms per request
 * by design). The same digest serves `GATEWAY_CARRIER_KEYS`, so one look-up covers both sources.
 */
export const KEY_PREFIX = 'pxk_';
const SECRET_BYTES = 32;

/** Keys shorter or longer than this are refused before hashing (bootstrap keys may be shorter). */
export const MIN_KEY_LENGTH = 16;
export const MAX_KEY_LENGTH = 256;

export interface IssuedKey {
  keyId: string;
  /** The key in clear: shown once to the admin who issued it, never stored. */
  key: string;
  /** What lists show to tell keys apart: `pxk_<keyId>`. */
  prefix: string;
  sha256: string;
}

/** SHA-256 of an API key, hex: the only form in which keys are stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): IssuedKey {
  const keyId = randomBytes(4).toString('hex');
  const key = `${KEY_PREFIX}${keyId}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { keyId, key, prefix: `${KEY_PREFIX}${keyId}`, sha256: hashApiKey(key) };
}

/** True when a presented value may be a key at all (length bounds; nothing is hashed otherwise). */
export function plausibleKey(presented: string | undefined): presented is string {
  return presented !== undefined && presented.length >= MIN_KEY_LENGTH && presented.length <= MAX_KEY_LENGTH;
}
