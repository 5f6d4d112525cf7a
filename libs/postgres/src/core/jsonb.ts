import { jsonWithoutNul } from '@paxscreen/contracts';

/**
 * JSON text for a `jsonb` column, which refuses U+0000 in a string: such a character (a carrier's
 * bytes may put one in a name) is written as U+FFFD (`jsonWithoutNul`, libs/contracts), as the
 * consumers' `forPostgres` decoding files it.
 */
export function jsonb(value: unknown): string {
  return jsonWithoutNul(JSON.stringify(value));
}
