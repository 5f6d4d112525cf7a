import { sql } from 'kysely';

import { CARRIERS_MIGRATION_LEDGER, CARRIERS_MIGRATIONS } from '@paxscreen/carriers';
import { migrate } from '@paxscreen/postgres';
import { RECORDS_MIGRATIONS } from '@paxscreen/records';
import { migratedTestDatabase, type MigratedTestDatabase } from '@paxscreen/testing';

describe('carriers migrations beside the records ones, in one schema', () => {
  let schema: MigratedTestDatabase<unknown>;

  beforeAll(async () => {
    // Not migrated: the test migrates it.
    schema = await migratedTestDatabase('carriers_ledger');
  });

  afterAll(async () => {
    await schema?.drop();
  });

  it("keeps each list in its own ledger: neither service meets the other's migrations as unknown", async () => {
    const records = await migrate(schema.db, schema.schema, RECORDS_MIGRATIONS);
    const carriers = await migrate(schema.db, schema.schema, CARRIERS_MIGRATIONS, CARRIERS_MIGRATION_LEDGER);
    expect(records.applied).toHaveLength(RECORDS_MIGRATIONS.length);
    expect(carriers.applied).toEqual(CARRIERS_MIGRATIONS.map((m) => m.id));
    // Started again (both services restart): nothing left to do, nothing unknown.
    expect(await migrate(schema.db, schema.schema, RECORDS_MIGRATIONS)).toEqual({
      applied: [],
      alreadyApplied: RECORDS_MIGRATIONS.length,
    });
    expect(await migrate(schema.db, schema.schema, CARRIERS_MIGRATIONS, CARRIERS_MIGRATION_LEDGER)).toEqual({
      applied: [],
      alreadyApplied: CARRIERS_MIGRATIONS.length,
    });
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = ${schema.schema}`.execute(
      schema.db,
    );
    const names = tables.rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'schema_migrations',
        'carriers_schema_migrations',
        'expected_flights',
        'travellers',
      ]),
    );
  });
});
