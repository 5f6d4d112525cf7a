import { Kysely, sql } from 'kysely';
import { Client } from 'pg';

import { CASEWORK_MIGRATIONS, type CaseworkDatabase, CaseworkStore } from '@paxscreen/casework';
import type { DecisionMade, Reason } from '@paxscreen/contracts';
import {
  migratedTestDatabase,
  type MigratedTestDatabase,
  testDecisionEvent,
  waitFor,
} from '@paxscreen/testing';

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
describe('casework store on PostgreSQL: concurrent batches, which decision is later', () => {
  let db: Kysely<CaseworkDatabase>;
  let schema: MigratedTestDatabase<CaseworkDatabase>;
  let store: CaseworkStore;

  beforeAll(async () => {
    schema = await migratedTestDatabase<CaseworkDatabase>('casework-race', CASEWORK_MIGRATIONS);
    db = schema.db;
    store = new CaseworkStore(db, { alertWindowHours: 6 });
  });

  afterAll(async () => {
    await schema?.drop();
  });

  /** Runs both ingests so that each reads the hits before either has written one. */
  async function raced(
    a: DecisionMade.Value[],
    b: DecisionMade.Value[],
  ): Promise<PromiseSettledResult<unknown>[]> {
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

  /** One traveller's decisions on one flight, decided at `at` (ms from now) on the deciding instance's clock. */
  function decided(
    travellerId: string,
    decisionId: string,
    outcome: 'CLEAR' | 'EXPEDITE' | 'REFER' | 'NO_BOARD',
    at: number,
    supersedes?: string,
  ): DecisionMade.Value {
    const flight = { carrier: 'VA', number: '0007', date: day(2) };
    const e = testDecisionEvent(
      flight,
      { ...PERSON, travellerId, document: { issuer: 'AUS', number: `P${travellerId}` } },
      { outcome, decisionId, ...(supersedes ? { supersedes } : {}) },
    );
    e.decision.reasons =
      outcome === 'REFER' || outcome === 'NO_BOARD' ? [{ ...reasonOn('UN', 'QDi.9'), action: outcome }] : [];
    e.decision.timings.decidedAt = Date.now() + at;
    return e;
  }
  const outcomeOf = async (travellerId: string) =>
    await db
      .selectFrom('traveller_outcomes')
      .select(['outcome', 'decision_id'])
      .where('traveller_id', '=', travellerId)
      .executeTakeFirstOrThrow();

  it('a decision its successor already replaced changes neither the hit nor the outcome (decided later on a fast clock)', async () => {
    const revet = decided('T-LATE', 'D-LATE-2', 'NO_BOARD', 0, 'D-LATE-1');
    const first = decided('T-LATE', 'D-LATE-1', 'REFER', 60_000);
    await store.ingest([revet]);
    await store.ingest([first]);

    const hit = await db
      .selectFrom('hits')
      .selectAll()
      .where('traveller_id', '=', 'T-LATE')
      .executeTakeFirstOrThrow();
    expect(hit).toMatchObject({ outcome: 'NO_BOARD', last_decision_id: 'D-LATE-2', version: 1 });
    const recorded = await db
      .selectFrom('hit_decisions')
      .select('hit_id')
      .where('decision_id', '=', 'D-LATE-1')
      .executeTakeFirstOrThrow();
    expect(recorded.hit_id).toBe(hit.hit_id);
    expect(await outcomeOf('T-LATE')).toEqual({ outcome: 'NO_BOARD', decision_id: 'D-LATE-2' });
  });

  it.each([
    ['in two batches', true],
    ['in one batch', false],
  ])('a re-vet decided on a slow clock replaces the outcome it supersedes (%s)', async (_, apart) => {
    const travellerId = `T-SKEW-${apart ? 'A' : 'B'}`;
    const first = decided(travellerId, `${travellerId}-1`, 'CLEAR', 60_000);
    const revet = decided(travellerId, `${travellerId}-2`, 'EXPEDITE', 0, `${travellerId}-1`);
    if (apart) {
      await store.ingest([first]);
      await store.ingest([revet]);
    } else await store.ingest([first, revet]);
    expect(await outcomeOf(travellerId)).toEqual({ outcome: 'EXPEDITE', decision_id: `${travellerId}-2` });
  });

  it('between decisions the chain does not order, the one decided last is the outcome', async () => {
    await store.ingest([decided('T-CLOCK', 'D-CLOCK-1', 'EXPEDITE', 60_000)]);
    await store.ingest([decided('T-CLOCK', 'D-CLOCK-2', 'CLEAR', 0)]);
    expect(await outcomeOf('T-CLOCK')).toEqual({ outcome: 'EXPEDITE', decision_id: 'D-CLOCK-1' });
  });
});
