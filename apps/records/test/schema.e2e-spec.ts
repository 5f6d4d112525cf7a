import { Kysely, sql } from 'kysely';

import { ensureMonthlyPartitions, migrate, UnknownMigrationsError } from '@paxscreen/postgres';
import { RECORDS_MIGRATIONS, RecordsDatabase, RecordsWriter } from '@paxscreen/records';
import { migratedTestDatabase, type MigratedTestDatabase, testDecisionEvent } from '@paxscreen/testing';
import { decisionRow, emptyRows } from '@paxscreen/records';

describe('records schema: migrations and partitions on a real server', () => {
  let schema: MigratedTestDatabase<RecordsDatabase>;
  let db: Kysely<RecordsDatabase>;

  beforeAll(async () => {
    // Not migrated: the first test migrates it.
    schema = await migratedTestDatabase<RecordsDatabase>('schema');
    db = schema.db;
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it('migrates once when two instances start together, and refuses a schema newer than the code', async () => {
    const reports = await Promise.all([
      migrate(db as never, schema.schema, RECORDS_MIGRATIONS),
      migrate(db as never, schema.schema, RECORDS_MIGRATIONS),
    ]);
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, RECORDS_MIGRATIONS.length]);
    await sql`insert into schema_migrations (id) values ('99999999-from-the-future')`.execute(db);
    await expect(migrate(db as never, schema.schema, RECORDS_MIGRATIONS)).rejects.toThrow(
      UnknownMigrationsError,
    );
    await sql`delete from schema_migrations where id = '99999999-from-the-future'`.execute(db);
  });

  it('files rows by month; a month without partition goes to the default one until it gets its own', async () => {
    const writer = new RecordsWriter(db);
    await writer.ensurePartitions(new Date('2026-12-06T00:00:00Z'));
    const far = testDecisionEvent(
      { carrier: 'QF', number: '0001', date: '2027-09-01' },
      { surname: 'A', givenNames: 'B' },
    );
    const near = testDecisionEvent(
      { carrier: 'QF', number: '0001', date: '2026-12-24' },
      { surname: 'C', givenNames: 'D' },
    );
    await writer.write({ ...emptyRows(), decisions: [decisionRow(far), decisionRow(near)] });
    const where = async (id: string) =>
      (
        await sql<{
          part: string;
        }>`select tableoid::regclass::text as part from decisions where decision_id = ${id}`.execute(db)
      ).rows[0].part;
    expect(await where(near.decision.decisionId)).toMatch(/decisions_p202612$/);
    expect(await where(far.decision.decisionId)).toMatch(/decisions_default$/);
    // Months later the daily job creates September's partition: the row moves into it.
    const created = await ensureMonthlyPartitions(db as never, 'decisions', {
      around: new Date('2027-09-15T00:00:00Z'),
      monthsBack: 0,
      monthsAhead: 0,
    });
    expect(created).toEqual(['decisions_p202709']);
    expect(await where(far.decision.decisionId)).toMatch(/decisions_p202709$/);
    // Replaying the same rows inserts nothing.
    expect(
      await writer.write({ ...emptyRows(), decisions: [decisionRow(far), decisionRow(near)] }),
    ).toMatchObject({
      decisions: 0,
    });
  });

  it('a later decision of a traveller on a flight supersedes the earlier one without supersedes, in any order', async () => {
    const writer = new RecordsWriter(db);
    await writer.ensurePartitions(new Date('2026-12-06T00:00:00Z'));
    const flight = { carrier: 'QF', number: '0002', date: '2026-12-24' };
    const person = { travellerId: 'T-gap', surname: 'GAP', givenNames: 'SAM' };
    const at = (event: ReturnType<typeof testDecisionEvent>, decidedAt: string) => {
      event.decision.timings.decidedAt = Date.parse(decidedAt);
      return decisionRow(event);
    };
    const older = at(testDecisionEvent(flight, person), '2026-12-06T08:00:00Z');
    const newer = at(testDecisionEvent(flight, person), '2026-12-06T09:00:00Z');
    const other = at(
      testDecisionEvent(flight, { ...person, travellerId: 'T-other' }),
      '2026-12-06T07:00:00Z',
    );
    const current = async () =>
      (
        await db
          .selectFrom('current_decisions')
          .select('decision_id')
          .where('traveller_id', 'in', ['T-gap', 'T-other'])
          .orderBy('decision_id')
          .execute()
      ).map((r) => r.decision_id);
    // The newer one filed first, the older replayed after it (at-least-once): the newer stays current.
    await writer.write({ ...emptyRows(), decisions: [newer, other] });
    await writer.write({ ...emptyRows(), decisions: [older] });
    expect(await current()).toEqual([newer.decision_id, other.decision_id].sort());
    // Replays change nothing.
    expect(await writer.write({ ...emptyRows(), decisions: [older, newer] })).toMatchObject({
      superseded: 0,
    });
    expect(await current()).toEqual([newer.decision_id, other.decision_id].sort());
    // A decision naming the newer one wins over the clock (its own time is earlier).
    const named = {
      ...at(testDecisionEvent(flight, person), '2026-12-06T08:30:00Z'),
      supersedes: newer.decision_id,
    };
    await writer.write({ ...emptyRows(), decisions: [named] });
    expect(await current()).toEqual([named.decision_id, other.decision_id].sort());
  });
});
