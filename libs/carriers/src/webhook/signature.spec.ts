import { signWebhook, verifyWebhook } from './signature';

describe('webhook signatures (HMAC-SHA256 over "<t>.<body>")', () => {
  const body = '{"kind":"MISSING"}';
  const header = signWebhook('s3cret', body, 1_800_000_000);

  it('verifies what it signed, within the tolerance', () => {
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', body, header, 1_800_000_100)).toBe(true);
  });

  it.each([
    ['another secret', 'other', body, 1_800_000_000],
    ['a changed body', 's3cret', '{"kind":"LATE"}', 1_800_000_000],
    ['a replay after the tolerance', 's3cret', body, 1_800_000_301],
  ])('refuses %s', (_what, secret, b, now) => {
    expect(verifyWebhook(secret, b, header, now)).toBe(false);
  });
});
