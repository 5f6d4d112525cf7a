import { Kysely, sql } from 'kysely';
import { Client } from 'pg';

import { CASEWORK_MIGRATIONS, type CaseworkDatabase, CaseworkStore } from '@paxscreen/casework';
import type { DecisionMade, Reason } from '@paxscreen/contracts';
import { createDatabase, migrate, postgresSettingsFromEnv } from '@paxscreen/postgres';
import { testDecisionEvent, testSchema, waitFor } from '@paxscreen/testing';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const reasonOn = (listId: string, entryId: string): Reason => ({
  kind: 'WATCHLIST',
  action: 'REFER',
  source: { listId, entryId, listVersion: 'v1' },
  score: 0.92,
  matchedFields: ['name', 'dateOfBirth'],
  explanation: 'name 0.92; born 1980-01-01 matches',
});
const PERSON = {
  travellerId: 'T-RACE',
  surname: 'RACER',
  givenNames: 'ALEX',
  dateOfBirth: '1980-01-01',
  nationality: 'AUS',
  document: { issuer: 'AUS', number: 'PRACE1' },
};

/**
 * Casework's store on a real server, two transactions at once: decisions of one traveller on one
 * flight may come from two partitions (the record key is the flight as reported, e.g. `QF0001`
 * and `QF1`, the hit key the flight with leading zeros dropped) or from two instances while a
 * partition changes owner.
 */
describe('casework store: two batches opening the same hit at once', () => {
  let db: Kysely<CaseworkDatabase>;
  let schema: ReturnType<typeof testSchema>;
  let store: CaseworkStore;

  beforeAll(async () => {
    schema = testSchema('casework-race');
    db = createDatabase<CaseworkDatabase>(
      postgresSettingsFromEnv({ DATABASE_URL: schema.databaseUrl, DATABASE_SCHEMA: schema.schema }),
      'casework-race-e2e',
    );
    await migrate(db as Kysely<unknown>, schema.schema, CASEWORK_MIGRATIONS);
    store = new CaseworkStore(db, { alertWindowHours: 6 });
  });

  afterAll(async () => {
    await db?.destroy();
    await schema?.drop();
  });

  /** Runs both ingests so that each reads the hits before either has written one. */
  async function raced(a: DecisionMade.Value[], b: DecisionMade.Value[]): Promise<PromiseSettledResult<unknown>[]> {
    const blocker = new Client({ connectionString: schema.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`lock table "${schema.schema}".hits in access exclusive mode`);
      const both = Promise.allSettled([store.ingest(a), store.ingest(b)]);
      // Both transactions wait at their `select … for update` on hits: neither has seen a hit.
      await waitFor(
        async () => {
          const { rows } = await blocker.query<{ n: number }>(
            `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
             join pg_namespace s on s.oid = c.relnamespace
             where s.nspname = $1 and c.relname = 'hits' and not l.granted`,
            [schema.schema],
          );
          return rows[0].n >= 2 ? true : undefined;
        },
        { what: 'both ingests waiting on the hits table' },
      );
      await blocker.query('commit');
      return await both;
    } finally {
      await blocker.end();
    }
  }

  it('applies both: one hit, both decisions recorded on it, the facts of each kept', async () => {
    const flight = { carrier: 'QF', number: '0001', date: day(1) };
    const first = testDecisionEvent(flight, PERSON, { outcome: 'REFER', decisionId: 'D-RACE-1' });
    first.decision.reasons = [reasonOn('UN', 'QDi.9')];
    // The same traveller on the same flight as another message reports it (no leading zeros).
    const second = testDecisionEvent({ ...flight, number: '1' }, PERSON, {
      outcome: 'REFER',
      decisionId: 'D-RACE-2',
    });
    second.decision.reasons = [reasonOn('OFAC', 'SDN-77')];

    const results = await raced([first], [second]);

    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'fulfilled',
      'fulfilled',
    ]);
    const hits = await db.selectFrom('hits').selectAll().execute();
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ status: 'NEW', list_ids: ['OFAC', 'UN'], version: 2 });
    const decisions = await db
      .selectFrom('hit_decisions')
      .select(['decision_id', 'hit_id'])
      .orderBy('decision_id')
      .execute();
    expect(decisions).toEqual([
      { decision_id: 'D-RACE-1', hit_id: hits[0].hit_id },
      { decision_id: 'D-RACE-2', hit_id: hits[0].hit_id },
    ]);
    const opened = await sql<{ n: number }>`
      select count(*)::int as n from hit_actions where action = 'OPENED'`.execute(db);
    expect(opened.rows[0].n).toBe(1);
  });
});
