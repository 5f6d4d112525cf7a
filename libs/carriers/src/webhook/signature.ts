import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<epoch seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the Stripe scheme). */
export const SIGNATURE_HEADER = 'x-paxscreen-signature';

/** Signs a webhook body: the timestamp is signed with it, so a captured call cannot be replayed later. */
export function signWebhook(secret: string, body: string, epochSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${epochSeconds}.${body}`).digest('hex');
  return `t=${epochSeconds},v1=${mac}`;
}

/** What a receiver does: recompute and compare in constant time, within a tolerance. */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m || Math.abs(nowSeconds - Number(m[1])) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, Number(m[1])).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
