import { jsonWithoutNul } from '@paxscreen/contracts';

/**
 * An event's bytes for a consumer that files it in PostgreSQL (`decodeBatch`'s `forPostgres`): each
 * escaped NUL as U+FFFD (`jsonWithoutNul`, libs/contracts). Bytes without one are returned as they are.
 */
export function withoutNul(bytes: Buffer): Buffer {
  if (bytes.indexOf('\\u0000') < 0) return bytes;
  return Buffer.from(jsonWithoutNul(bytes.toString('utf8')), 'utf8');
}
