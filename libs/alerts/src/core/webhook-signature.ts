import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-paxscreen-signature';
/** Receivers refuse a signature older than this (replay of a captured request). */
export const DEFAULT_TOLERANCE_S = 300;

/**
 * HMAC-SHA256 over `<timestamp>.<body>` with the subscription's secret. Signing the timestamp
 * with the body lets a receiver refuse replays; the body is signed byte for byte as sent.
 */
export function webhookSignature(secret: string, timestampS: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
  return `t=${timestampS},v1=${mac}`;
}

export type SignatureCheck = 'OK' | 'MALFORMED' | 'STALE' | 'MISMATCH';

/** What a receiver runs: parses the header, checks freshness, compares in constant time. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowS: number,
  toleranceS = DEFAULT_TOLERANCE_S,
): SignatureCheck {
  const match = header ? /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header) : null;
  if (!match) return 'MALFORMED';
  const timestamp = Number(match[1]);
  if (Math.abs(nowS - timestamp) > toleranceS) return 'STALE';
  const expected = Buffer.from(webhookSignature(secret, timestamp, body).split('v1=')[1], 'hex');
  const given = Buffer.from(match[2], 'hex');
  return timingSafeEqual(expected, given) ? 'OK' : 'MISMATCH';
}
