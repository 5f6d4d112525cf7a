import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kysely, sql } from 'kysely';

import { Audit, envelope } from '@paxscreen/contracts';
import {
  auditRow,
  decisionRow,
  emptyRows,
  PnrVault,
  ReceiptStore,
  type RecordsDatabase,
  RecordsWriter,
  travellerRow,
} from '@paxscreen/records';
import {
  migratedTestDatabase,
  type MigratedTestDatabase,
  testDecisionEvent,
  testEnv,
  testTravellerEvent,
  uniquePrefix,
  waitFor,
} from '@paxscreen/testing';

import { RetentionService } from '../src/retention/retention.service';
import { startRecords } from '../src/records.app';

const AUTH = {
  AUTH_JWT_SECRET: 'records-retention-e2e-secret-0123456789',
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};
const DAY_MS = 86_400_000;
/** The injected clock: the retention run happens "on 5 August 2026". */
const NOW = new Date('2026-08-05T12:00:00Z');

/**
 * Retention with an injected clock (issue 15): rows dated months before "now" are dropped with
 * their partition, past rows in a partly kept month are masked (API data) or deleted (decisions,
 * audit), PNR records past their period and expired receipts are deleted, nothing younger is
 * touched, and the run is audited (filed by records itself from the audit topic).
 */
describe('records retention: partitions dropped, rows masked or deleted, every run audited', () => {
  let app: NestFastifyApplication;
  let db: Kysely<RecordsDatabase>;
  let schema: MigratedTestDatabase<RecordsDatabase>;

  beforeAll(async () => {
    // Migrated by the app.
    schema = await migratedTestDatabase<RecordsDatabase>('retention');
    const env = testEnv(uniquePrefix('retention'), {
      ...AUTH,
      RECORDS_PORT: '0',
      DATABASE_URL: schema.databaseUrl,
      DATABASE_SCHEMA: schema.schema,
      RECORDS_RETENTION_CHECK_MS: '3600000',
      RETENTION_API_DAYS: '2',
      RETENTION_DECISIONS_DAYS: '30',
      RETENTION_AUDIT_DAYS: '30',
      PNR_RETENTION_DAYS: '30',
    });
    app = await startRecords(env);
    db = schema.db;
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });

  const partitions = async (table: string) =>
    (
      await sql<{ name: string }>`select c.relname as name from pg_inherits i
        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        join pg_namespace s on s.oid = p.relnamespace
        where p.relname = ${table} and s.nspname = ${schema.schema} order by 1`.execute(db)
    ).rows.map((r) => r.name);

  it('drops whole past months, masks or deletes past rows of kept months, and audits the run', async () => {
    const writer = app.get(RecordsWriter);
    await writer.ensurePartitions(new Date('2026-07-15T00:00:00Z'));
    // June: wholly past for every class. 2 July: past for decisions (30 days: cutoff 6 July).
    // 20 July: kept as a decision, past as API data (2 days: cutoff 3 August). 4 August: kept.
    const dates = ['2026-06-10', '2026-07-02', '2026-07-20', '2026-08-04'];
    const rows = emptyRows();
    for (const [i, date] of dates.entries()) {
      const flight = { carrier: 'RT', number: '0001', date };
      const person = {
        travellerId: `T-ret-${i}`,
        surname: `KEEPSAKE${'ABCD'[i]}`,
        givenNames: 'ANNA',
        dateOfBirth: '1980-01-01',
        nationality: 'AUS',
        document: { issuer: 'AUS', number: `XR00000${i}` },
      };
      rows.travellers.push(travellerRow(testTravellerEvent(flight, person)));
      rows.decisions.push(decisionRow(testDecisionEvent(flight, person)));
      const at = new Date(`${date}T10:00:00Z`).toISOString();
      rows.audit.push(
        auditRow({
          ...envelope(`audit-${i}`),
          occurredAt: at,
          action: 'POE_LOOKUP_DOCUMENT',
          actor: 'officer-1',
          role: 'officer',
          target: `AUS:XR00000${i}`,
          outcome: 'CLEAR',
        } as Audit.Value),
      );
    }
    await writer.write(rows);
    const vault = new PnrVault(db, 30 * DAY_MS);
    const traveller = testTravellerEvent(
      { carrier: 'RT', number: '0001', date: '2026-08-04' },
      {
        travellerId: 'x',
        surname: 'PNRPERSON',
        givenNames: 'OLD',
      },
    ).traveller;
    await vault.putMany([
      {
        travellerId: 'pnr-old',
        manifestId: 'm',
        receivedAt: NOW.getTime() - 40 * DAY_MS,
        masked: true,
        traveller,
      },
      {
        travellerId: 'pnr-young',
        manifestId: 'm',
        receivedAt: NOW.getTime() - 10 * DAY_MS,
        masked: false,
        traveller,
      },
    ]);
    const expired = new ReceiptStore(db, 3600, () => NOW.getTime() - 2 * 3600_000);
    const current = new ReceiptStore(db, 3600, () => NOW.getTime());
    const receipt = (id: string) =>
      ({ receiptId: id, carrier: 'RT', status: 'PARSED', receivedAt: NOW.toISOString() }) as never;
    await expired.put(receipt('r-expired'));
    await current.put(receipt('r-current'));

    expect(await partitions('decisions')).toEqual(
      expect.arrayContaining(['decisions_p202606', 'decisions_p202607', 'decisions_p202608']),
    );
    const searchable = () =>
      db
        .selectFrom('decision_names')
        .select(['name_search', 'last_travel_date'])
        .orderBy('name_search')
        .execute()
        .then((rows) => rows.map((r) => [r.name_search, String(r.last_travel_date)]));
    expect(await searchable()).toEqual(dates.map((date, i) => [`ANNA KEEPSAKE${'ABCD'[i]}`, date]));

    const report = await app.get(RetentionService).run(NOW);

    // Whole months: June dropped for every partitioned class (July still holds kept days).
    expect(report.decisions).toMatchObject({
      cutoff: '2026-07-06',
      partitionsDropped: ['decisions_p202606'],
      rowsDropped: 1,
      rowsDeleted: 1,
      namesDeleted: 2,
    });
    expect(report.api).toMatchObject({
      cutoff: '2026-08-03',
      partitionsDropped: ['travellers_p202606', 'travellers_p202607'],
      rowsDropped: 3,
      rowsMasked: 0,
    });
    expect(report.audit).toMatchObject({
      partitionsDropped: ['audit_events_p202606'],
      rowsDropped: 1,
      rowsDeleted: 1,
    });
    expect(report.pnr.rowsDeleted).toBe(1);
    expect(report.receipts.rowsDeleted).toBe(1);

    expect(await partitions('decisions')).not.toContain('decisions_p202606');
    const decisions = await db.selectFrom('decisions').select('travel_date').orderBy('travel_date').execute();
    expect(decisions.map((d) => String(d.travel_date))).toEqual(['2026-07-20', '2026-08-04']);
    // Name search keeps no name past its last decision's period.
    expect(await searchable()).toEqual([
      ['ANNA KEEPSAKEC', '2026-07-20'],
      ['ANNA KEEPSAKED', '2026-08-04'],
    ]);
    const travellers = await db.selectFrom('travellers').select(['surname', 'masked_at']).execute();
    expect(travellers).toEqual([{ surname: 'KEEPSAKED', masked_at: null }]);
    expect(await vault.get('pnr-old', NOW.getTime())).toBeUndefined();
    expect(await vault.get('pnr-young', NOW.getTime())).toBeDefined();
    expect(await current.get('r-current')).toBeDefined();

    // The run itself is an audit event: on the audit topic, filed by records.
    const audited = await waitFor(
      () =>
        db.selectFrom('audit_events').selectAll().where('action', '=', 'RETENTION_RUN').executeTakeFirst(),
      { what: 'the retention run in audit_events' },
    );
    expect(audited).toMatchObject({ actor: 'paxscreen-records-retention', outcome: 'APPLIED' });
    expect(audited.details).toMatchObject({
      'decisions.partitionsDropped': 'decisions_p202606',
      'decisions.rowsDeleted': 1,
      'decisions.namesDeleted': 2,
      'api.rowsDropped': 3,
      'pnr.rowsDeleted': 1,
    });

    // A second run finds nothing due and says so.
    const again = await app.get(RetentionService).run(NOW);
    expect(again.decisions).toMatchObject({ partitionsDropped: [], rowsDeleted: 0, namesDeleted: 0 });
  });

  it('masks past API rows of a month it keeps, in place, once', async () => {
    const writer = app.get(RecordsWriter);
    const rows = emptyRows();
    const flight = { carrier: 'RT', number: '0002', date: '2026-08-02' };
    rows.travellers.push(
      travellerRow(
        testTravellerEvent(flight, {
          travellerId: 'T-mask',
          surname: 'MASKME',
          givenNames: 'PAT',
          dateOfBirth: '1970-01-01',
          document: { issuer: 'AUS', number: 'XM0000001' },
        }),
      ),
    );
    await writer.write(rows);
    const report = await app.get(RetentionService).run(NOW);
    expect(report.api.rowsMasked).toBe(1);
    const row = await db
      .selectFrom('travellers')
      .select(['surname', 'given_names', 'date_of_birth', 'document_keys', 'masked_at', 'carrier'])
      .where('traveller_id', '=', 'T-mask')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      surname: '',
      given_names: '',
      date_of_birth: null,
      document_keys: [],
      carrier: 'RT',
    });
    expect(row.masked_at).toBeInstanceOf(Date);
    expect((await app.get(RetentionService).run(NOW)).api.rowsMasked).toBe(0);
  });
});
