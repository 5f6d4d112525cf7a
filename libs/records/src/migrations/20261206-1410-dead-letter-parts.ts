import { Kysely, sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';

/**
 * Dead letters too large for one Kafka record arrive as parts sharing a dead-letter id (issue 20):
 * each part stays a row of its own (keyed by its event id), and these columns say which letter,
 * which part, and the whole original's length and SHA-256, or where its bytes are when no record
 * holds them. Letters of old (one record) have `dead_letter_id` = `event_id`, part 1 of 1.
 */
export const deadLetterParts: Migration = {
  id: '20261206-1410-dead-letter-parts',
  up: async (db: Kysely<unknown>) => {
    await sql`alter table dead_letters
      add column dead_letter_id text,
      add column part integer,
      add column parts integer,
      add column payload_length integer,
      add column payload_sha256 text,
      add column payload_reference text`.execute(db);
    await sql`create index dead_letters_letter on dead_letters (dead_letter_id, part)`.execute(db);
  },
};
