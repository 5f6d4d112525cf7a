import { expiryAfterRotation, keyState, keyValid } from './rotation';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const H = 3_600_000;

describe('key state', () => {
  it.each([
    ['no times', {}, 'ACTIVE'],
    ['expiring later', { expiresAt: NOW + 1 }, 'EXPIRING'],
    ['expired now', { expiresAt: NOW }, 'EXPIRED'],
    ['revoked now', { revokedAt: NOW }, 'REVOKED'],
    ['revoked while still in its overlap', { expiresAt: NOW + H, revokedAt: NOW - 1 }, 'REVOKED'],
    ['revocation in the future (clock skew) not yet', { revokedAt: NOW + 1 }, 'ACTIVE'],
  ] as const)('%s → %s', (_what, times, state) => {
    expect(keyState(times, NOW)).toBe(state);
    expect(keyValid(times, NOW)).toBe(state === 'ACTIVE' || state === 'EXPIRING');
  });
});

describe('rotation overlap', () => {
  it('lets an active key live for the overlap window', () => {
    expect(expiryAfterRotation({}, NOW, 24)).toBe(NOW + 24 * H);
  });

  it('never lengthens a key that already ends sooner (rotating twice)', () => {
    expect(expiryAfterRotation({ expiresAt: NOW + 2 * H }, NOW, 24)).toBe(NOW + 2 * H);
    expect(expiryAfterRotation({ expiresAt: NOW + 30 * H }, NOW, 24)).toBe(NOW + 24 * H);
  });

  it('ends a key at once with a zero (or negative) overlap', () => {
    expect(expiryAfterRotation({}, NOW, 0)).toBe(NOW);
    expect(expiryAfterRotation({}, NOW, -5)).toBe(NOW);
  });

  it('leaves expired and revoked keys alone', () => {
    expect(expiryAfterRotation({ expiresAt: NOW - 1 }, NOW, 24)).toBeUndefined();
    expect(expiryAfterRotation({ revokedAt: NOW - 1 }, NOW, 24)).toBeUndefined();
  });
});
