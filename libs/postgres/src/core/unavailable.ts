/** SQLSTATE classes and codes that mean "not now", not "this statement is wrong". */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123]|40001|40P01)/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
  'EAI_AGAIN',
]);
const CLIENT_MESSAGES =
  /(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down))/i;

/**
 * True when a PostgreSQL call failed because the server could not be reached or cannot take the
 * statement now (down, restarting, too many connections, a serialisation conflict): the same call
 * will work later. Consumers wait and retry such failures instead of dead-lettering the record.
 */
export function isPostgresUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return TRANSIENT_SQLSTATE.test(code);
  }
  if (err instanceof AggregateError) return err.errors.some(isPostgresUnavailable);
  return CLIENT_MESSAGES.test(err.message);
}
