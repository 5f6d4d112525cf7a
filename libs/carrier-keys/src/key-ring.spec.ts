import { hashApiKey } from './key-material';
import { KeyRing, parseEnvKeys } from './key-ring';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const ENV_KEY = 'bootstrap-key-for-AF-0123456789';
const DB_KEY = 'pxk_0a0b0c0d_database-key-for-BA-0123456789';

describe('KeyRing', () => {
  const ring = () => new KeyRing(`AF:${hashApiKey(ENV_KEY)}`);

  it('accepts the environment bootstrap keys, with no database', () => {
    expect(ring().carrierFor(ENV_KEY, NOW)).toBe('AF');
    expect(ring().lookup(ENV_KEY, NOW)?.source).toBe('env');
  });

  it('accepts a database key for its own carrier only', () => {
    const r = ring();
    r.replaceDatabaseKeys([{ carrier: 'BA', keyId: '0a0b0c0d', sha256: hashApiKey(DB_KEY) }]);
    expect(r.carrierFor(DB_KEY, NOW)).toBe('BA');
    expect(r.lookup(DB_KEY, NOW)).toMatchObject({ source: 'database', keyId: '0a0b0c0d' });
    expect(r.carrierFor(ENV_KEY, NOW)).toBe('AF');
  });

  it('refuses a rotated-out key once its overlap window ends, without a reload', () => {
    const r = ring();
    r.replaceDatabaseKeys([{ carrier: 'BA', keyId: 'k', sha256: hashApiKey(DB_KEY), expiresAt: NOW + 1000 }]);
    expect(r.carrierFor(DB_KEY, NOW + 999)).toBe('BA');
    expect(r.carrierFor(DB_KEY, NOW + 1000)).toBeUndefined();
  });

  it('refuses a revoked key and forgets keys a reload no longer has', () => {
    const r = ring();
    r.replaceDatabaseKeys([{ carrier: 'BA', keyId: 'k', sha256: hashApiKey(DB_KEY), revokedAt: NOW - 1 }]);
    expect(r.carrierFor(DB_KEY, NOW)).toBeUndefined();
    r.replaceDatabaseKeys([{ carrier: 'BA', keyId: 'k', sha256: hashApiKey(DB_KEY) }]);
    expect(r.carrierFor(DB_KEY, NOW)).toBe('BA');
    r.replaceDatabaseKeys([]);
    expect(r.carrierFor(DB_KEY, NOW)).toBeUndefined();
    expect(r.size).toEqual({ env: 1, database: 0 });
  });

  it.each([undefined, '', 'short', 'x'.repeat(300), 'unknown-key-0123456789'])('refuses %p', (key) => {
    expect(ring().carrierFor(key, NOW)).toBeUndefined();
  });

  it('reads GATEWAY_CARRIER_KEYS and names a malformed one', () => {
    expect(parseEnvKeys('').size).toBe(0);
    expect([...parseEnvKeys(`AF:${'a'.repeat(64)},BA:${'b'.repeat(64)}`).values()]).toEqual(['AF', 'BA']);
    expect(() => parseEnvKeys('AF:nothex')).toThrow(/GATEWAY_CARRIER_KEYS/);
  });
});
