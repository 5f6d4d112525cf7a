import {
  createDatabase,
  type Database,
  migrate,
  type Migration,
  postgresSettingsFromEnv,
} from '@paxscreen/postgres';

import { testSchema } from './postgres';

/** Migrations to apply, with the ledger that records them when it is not `schema_migrations`. */
export type TestMigrations = readonly Migration[] | { migrations: readonly Migration[]; ledger: string };

export interface MigratedTestDatabase<DB> {
  /** The run's database (DATABASE_URL for the apps a suite starts). */
  databaseUrl: string;
  /** This suite's own schema in it (DATABASE_SCHEMA). */
  schema: string;
  /** A pool whose sessions search the schema first (it connects at its first query). */
  db: Database<DB>;
  /** Closes the pool, then drops the schema (kept with PAXSCREEN_KEEP_TEST_DATA). */
  drop: () => Promise<void>;
}

/**
 * This suite's own schema in the e2e run's database (`testSchema`), with `migrations` applied in the
 * order given (none: the apps the suite starts migrate it, or the suite tests migrating), and a pool
 * on it for the suite's own queries. Call in `beforeAll`, `drop()` in `afterAll`. A migration that
 * fails leaves nothing behind: the pool is closed and the schema dropped before the error is thrown.
 */
export async function migratedTestDatabase<DB = unknown>(
  suite: string,
  ...migrations: TestMigrations[]
): Promise<MigratedTestDatabase<DB>> {
  const { databaseUrl, schema, drop: dropSchema } = testSchema(suite);
  const db = createDatabase<DB>(
    postgresSettingsFromEnv({ DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }),
    `test-${suite}`,
  );
  const drop = async () => {
    await db.destroy();
    await dropSchema();
  };
  try {
    for (const m of migrations) {
      if ('ledger' in m) await migrate(db as Database<unknown>, schema, m.migrations, m.ledger);
      else await migrate(db as Database<unknown>, schema, m);
    }
  } catch (err) {
    // await drop();
    throw err;
  }
  return { databaseUrl, schema, db, drop };
}
