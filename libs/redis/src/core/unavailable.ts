import { ReplyError } from 'ioredis';

/** Replies that mean "not now" (loading after a restart, failover), not "this command is wrong". */
const TRANSIENT_REPLY = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
]);
const CLIENT_MESSAGES = /^(Connection is closed|Command timed out|Stream isn't writeable)/;

/**
 * True when a Redis call failed because Redis could not be reached or is not ready (down,
 * restarting, loading its data, failing over): the same call will work later. Consumers retry such
 * failures instead of treating the record as poison.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof ReplyError) return TRANSIENT_REPLY.test(err.message);
  if (err.name === 'MaxRetriesPerRequestError') return true;
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== undefined && NETWORK_CODES.has(code)) return true;
  return CLIENT_MESSAGES.test(err.message);
}
