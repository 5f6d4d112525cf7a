import { createHmac } from 'node:crypto';

import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

const SECRET = 'whsec-test-0123456789';
const BODY = '{"alertId":"al-1"}';

describe('webhook signature', () => {
  it('is HMAC-SHA256 over "<timestamp>.<body>" with the timestamp beside it', () => {
    const mac = createHmac('sha256', SECRET).update(`1700000000.${BODY}`).digest('hex');
    expect(webhookSignature(SECRET, 1_700_000_000, BODY)).toBe(`t=1700000000,v1=${mac}`);
  });

  it.each([
    ['the same secret, body and a fresh timestamp', SECRET, BODY, 1_700_000_100, 'OK'],
    ['another secret', 'other-secret', BODY, 1_700_000_100, 'MISMATCH'],
    ['a changed body', SECRET, '{"alertId":"al-2"}', 1_700_000_100, 'MISMATCH'],
    ['a timestamp beyond the tolerance (replay)', SECRET, BODY, 1_700_000_301, 'STALE'],
  ] as const)('checks %s', (_label, secret, body, now, expected) => {
    const header = webhookSignature(SECRET, 1_700_000_000, BODY);
    expect(verifyWebhookSignature(secret, header, body, now)).toBe(expected);
  });

  it.each([undefined, '', 'v1=abc', 't=1,v1=zz', `t=1700000000,v1=${'a'.repeat(63)}`])(
    'refuses a malformed header %p',
    (header) => {
      expect(verifyWebhookSignature(SECRET, header, BODY, 1_700_000_000)).toBe('MALFORMED');
    },
  );
});
