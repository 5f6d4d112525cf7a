import { createHash, Hash } from 'node:crypto';

import { credentialDigest, rememberedDigests } from './credential-key';

describe('rememberedDigests', () => {
  const sha = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 32);

  it('gives the same rate-limit key as hashing every time, and never the credential', () => {
    const key = rememberedDigests();
    const token = `Bearer ${'a'.repeat(300)}`;
    expect(key(token)).toBe(sha(token));
    expect(key(token)).toBe(credentialDigest(token));
    expect(key('Bearer other-token-0123456789')).toBe(sha('Bearer other-token-0123456789'));
    expect(key(token)).not.toContain('a'.repeat(32));
  });

  it('hashes a credential once while it is remembered, and keeps at most `capacity`', () => {
    const expected = sha('one-credential-0001');
    const update = jest.spyOn(Hash.prototype, 'update');
    try {
      const key = rememberedDigests(2);
      key('one-credential-0001');
      key('one-credential-0001');
      key('one-credential-0001');
      expect(update).toHaveBeenCalledTimes(1);
      key('two-credential-0002');
      key('three-credential-03');
      expect(update).toHaveBeenCalledTimes(3);
      // The oldest was dropped: hashed again (same key), then remembered again.
      expect(key('one-credential-0001')).toBe(expected);
      expect(update).toHaveBeenCalledTimes(4);
      key('one-credential-0001');
      key('three-credential-03');
      expect(update).toHaveBeenCalledTimes(4);
    } finally {
      update.mockRestore();
    }
  });
});
