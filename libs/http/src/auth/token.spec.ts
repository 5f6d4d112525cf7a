import { SignJWT, UnsecuredJWT } from 'jose';
import { createSecretKey } from 'node:crypto';

import { AuthEnv } from './auth.env';
import { issueToken, TokenVerifier } from './token';

const env = (): AuthEnv => Object.assign(new AuthEnv(), { AUTH_JWT_SECRET: 'a'.repeat(40) });
const verifier = new TokenVerifier(env());
const bearer = (t: string) => `Bearer ${t}`;

describe('TokenVerifier', () => {
  it('accepts a token it issued and keeps only known roles', async () => {
    const token = await issueToken(env(), { subject: 'officer-17', roles: ['officer'], post: 'JFK' });
    await expect(verifier.verify(bearer(token))).resolves.toEqual({
      subject: 'officer-17',
      roles: ['officer'],
      post: 'JFK',
    });
  });

  it.each([
    ['no header', undefined, 'TOKEN_MISSING'],
    ['not a bearer token', 'Basic abc', 'TOKEN_MISSING'],
    ['garbage', bearer('x'.repeat(40)), 'TOKEN_INVALID'],
  ])('refuses %s', async (_label, header, code) => {
    await expect(verifier.verify(header)).rejects.toMatchObject({ code });
  });

  it('refuses an expired token', async () => {
    const token = await issueToken(env(), { subject: 's', roles: ['officer'], ttlSeconds: -60 });
    await expect(verifier.verify(bearer(token))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another key (forged)', async () => {
    const forged = await issueToken(
      { ...env(), AUTH_JWT_SECRET: 'b'.repeat(40) },
      { subject: 's', roles: ['admin'] },
    );
    await expect(verifier.verify(bearer(forged))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const token = new UnsecuredJWT({ roles: ['admin'] })
      .setSubject('s')
      .setIssuer('paxscreen')
      .setAudience('paxscreen')
      .setExpirationTime('1h')
      .encode();
    await expect(verifier.verify(bearer(token))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses a token for another audience', async () => {
    const token = await new SignJWT({ roles: ['officer'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer('paxscreen')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(createSecretKey(Buffer.from('a'.repeat(40))));
    await expect(verifier.verify(bearer(token))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  const signed = (claims: Record<string, unknown>, iat?: number) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer('paxscreen')
      .setAudience('paxscreen')
      .setExpirationTime('1h');
    if (iat !== undefined) jwt.setIssuedAt(iat);
    return jwt.sign(createSecretKey(Buffer.from('a'.repeat(40))));
  };

  it('refuses a token issued in the future, beyond the clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await signed({ roles: ['officer'] }, now + 3600);
    await expect(verifier.verify(bearer(future))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const skewed = await signed({ roles: ['officer'] }, now + 2);
    await expect(verifier.verify(bearer(skewed))).resolves.toMatchObject({ roles: ['officer'] });
  });

  it('reads the scheme case-insensitively (RFC 6750)', async () => {
    const token = await issueToken(env(), { subject: 's', roles: ['officer'] });
    for (const scheme of ['bearer', 'BEARER', 'BeArEr'])
      await expect(verifier.verify(`${scheme} ${token}`)).resolves.toMatchObject({ subject: 's' });
  });

  it('accepts a signed token of up to 8,192 characters, and refuses a longer one as missing', async () => {
    const big = await signed({ roles: ['officer'], groups: 'g'.repeat(5500) });
    expect(big.length).toBeGreaterThan(4096);
    expect(big.length).toBeLessThanOrEqual(8192);
    await expect(verifier.verify(bearer(big))).resolves.toMatchObject({ roles: ['officer'] });
    const huge = await signed({ roles: ['officer'], groups: 'g'.repeat(7000) });
    expect(huge.length).toBeGreaterThan(8192);
    await expect(verifier.verify(bearer(huge))).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
  });

  describe('remembering verified tokens', () => {
    afterEach(() => jest.useRealTimers());

    it('answers a repeated token with the same principal', async () => {
      const own = new TokenVerifier(env());
      const token = await issueToken(env(), { subject: 'officer-3', roles: ['officer'] });
      const first = await own.verify(bearer(token));
      await expect(own.verify(bearer(token))).resolves.toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    });

    it('refuses a remembered token once it expires', async () => {
      const own = new TokenVerifier(env());
      const token = await issueToken(env(), { subject: 's', roles: ['officer'], ttlSeconds: 60 });
      await own.verify(bearer(token));
      jest.useFakeTimers({ now: Date.now() + 66_000 }); // past exp + 5 s tolerance
      await expect(own.verify(bearer(token))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    });

    it('still checks the signature of a token with the same claims but another key', async () => {
      const own = new TokenVerifier(env());
      const claims = { subject: 's', roles: ['admin' as const] };
      await own.verify(bearer(await issueToken(env(), claims)));
      const forged = await issueToken({ ...env(), AUTH_JWT_SECRET: 'b'.repeat(40) }, claims);
      await expect(own.verify(bearer(forged))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    });
  });
});
