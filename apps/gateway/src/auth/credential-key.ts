import { createHash } from 'node:crypto';

import { BoundedMap } from '@paxscreen/contracts';

/** Distinct credentials remembered (as the token verifier remembers verified tokens). */
const CAPACITY = 10_000;

/** A short, stable digest of a credential: a rate-limit key that never holds the credential. */
export const credentialDigest = (value: string): string =>
  createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * `credentialDigest`, remembered per credential: an officer sends the same token all shift, and
 * hashing it again on every look-up cost about 4 µs of the gateway's CPU per request (SHA-256 of
 * the whole Authorization header, the largest single item of the rate limit in a profile under
 * look-up load). At most `capacity` credentials are kept; the oldest goes first. The credentials
 * are the ones the token verifier already keeps in memory.
 */
export function rememberedDigests(capacity = CAPACITY): (value: string) => string {
  const known = new BoundedMap<string, string>(capacity);
  return (value) => {
    let key = known.get(value);
    if (key === undefined) {
      key = credentialDigest(value);
      known.set(value, key);
    }
    return key;
  };
}
