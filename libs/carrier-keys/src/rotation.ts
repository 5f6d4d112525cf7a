/** How long the old key stays valid after a rotation when the admin does not say: a day. */
export const DEFAULT_OVERLAP_HOURS = 24;
const HOUR_MS = 3_600_000;

export type KeyState = 'ACTIVE' | 'EXPIRING' | 'EXPIRED' | 'REVOKED';

/** The times that decide whether a key is valid (epoch ms; undefined = never set). */
export interface KeyTimes {
  expiresAt?: number;
  revokedAt?: number;
}

/**
 * A key's state at `now`. Revocation wins over everything and takes effect at once; a key with an
 * expiry (set by a rotation) is EXPIRING until then and EXPIRED after; otherwise ACTIVE.
 */
export function keyState(key: KeyTimes, now: number): KeyState {
  if (key.revokedAt !== undefined && key.revokedAt <= now) return 'REVOKED';
  if (key.expiresAt === undefined) return 'ACTIVE';
  return key.expiresAt > now ? 'EXPIRING' : 'EXPIRED';
}

export function keyValid(key: KeyTimes, now: number): boolean {
  const state = keyState(key, now);
  return state === 'ACTIVE' || state === 'EXPIRING';
}

/**
 * When a rotation at `now` lets an existing key end: `overlapHours` later, but never later than
 * an expiry it already had (rotating twice must not lengthen a key's life), and never for a key
 * that is no longer valid (undefined: leave it as it is).
 */
export function expiryAfterRotation(key: KeyTimes, now: number, overlapHours: number): number | undefined {
  if (!keyValid(key, now)) return undefined;
  const end = now + Math.max(0, overlapHours) * HOUR_MS;
  return key.expiresAt !== undefined ? Math.min(key.expiresAt, end) : end;
}
