import { generateApiKey, hashApiKey, KEY_PREFIX, plausibleKey } from './key-material';

describe('key material', () => {
  it('issues pxk_<keyId>_<secret> keys with 256 random bits and keeps only their SHA-256', () => {
    const k = generateApiKey();
    expect(k.key).toMatch(/^pxk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(k.prefix).toBe(`${KEY_PREFIX}${k.keyId}`);
    expect(k.key.startsWith(`${k.prefix}_`)).toBe(true);
    expect(k.sha256).toBe(hashApiKey(k.key));
    expect(k.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(k.sha256).not.toContain(k.key.slice(13));
  });

  it('never issues the same key twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1000);
  });

  it('hashes as GATEWAY_CARRIER_KEYS always did (SHA-256 hex of the UTF-8 key)', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    [undefined, false],
    ['short', false],
    ['x'.repeat(16), true],
    ['x'.repeat(256), true],
    ['x'.repeat(257), false],
  ])('plausible %p → %p', (value, expected) => {
    expect(plausibleKey(value)).toBe(expected);
  });
});
