import { Client } from 'pg';
import { sql } from 'kysely';

import type { Migration } from '@paxscreen/postgres';
import { migratedTestDatabase } from '@paxscreen/testing';

// libs/testing migratedTestDatabase: a suite's own schema, migrated, and gone afterwards even when a
// migration fails (a broken migration must not leave schemas behind in the shared test database).

const notes: Migration = {
  id: '001_notes',
  up: async (db) => {
    await sql`create table notes (id int primary key, body text not null)`.execute(db);
  },
};
const broken: Migration = {
  id: '002_broken',
  up: async (db) => {
    await sql`alter table no_such_table add column x int`.execute(db);
  },
};

async function schemaExists(schema: string): Promise<boolean> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'select 1 from information_schema.schemata where schema_name = $1',
      [schema],
    );
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('migratedTestDatabase', () => {
  it('makes a schema with the migrations applied, and drop() removes it', async () => {
    const t = await migratedTestDatabase('migrated-ok', [notes]);
    await sql`insert into notes (id, body) values (1, 'kept')`.execute(t.db);
    const rows = await sql<{ body: string }>`select body from notes`.execute(t.db);
    expect(rows.rows).toEqual([{ body: 'kept' }]);
    expect(await schemaExists(t.schema)).toBe(true);
    await t.drop();
    expect(await schemaExists(t.schema)).toBe(false);
  });

  it('throws the failing migration and leaves no schema behind', async () => {
    const before = await schemasLike('s_migrated_broken_%');
    await expect(migratedTestDatabase('migrated-broken', [notes, broken])).rejects.toThrow(/no_such_table/);
    expect(await schemasLike('s_migrated_broken_%')).toEqual(before);
  });
});

async function schemasLike(pattern: string): Promise<string[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema_name: string }>(
      'select schema_name from information_schema.schemata where schema_name like $1 order by 1',
      [pattern],
    );
    return rows.map((r) => r.schema_name);
  } finally {
    await client.end();
  }
}
