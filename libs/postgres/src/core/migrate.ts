import { Kysely, sql } from 'kysely';

/**
 * One forward-only schema change. `id` sorts in the order migrations apply (a timestamp, e.g.
 * `20261206-1300-records`); a migration that has run is never changed or removed: fix forward
 * with a new one.
 */
export interface Migration {
  readonly id: string;
  readonly up: (db: Kysely<unknown>) => Promise<void>;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** The database holds migrations this code does not know: it was migrated by newer code. */
export class UnknownMigrationsError extends Error {
  readonly code = 'DATABASE_NEWER_THAN_CODE';
  constructor(readonly ids: string[]) {
    super(`the schema has migrations this version does not know (${ids.join(', ')}); deploy the newer code`);
    this.name = 'UnknownMigrationsError';
  }
}

/**
 * Applies the missing migrations, in id order, each in its own transaction, under a session
 * advisory lock per schema: instances starting together wait for each other instead of racing,
 * and the later ones find nothing left to do. Creates the schema and the ledger on first use.
 *
 * `ledger` names the table that records which migrations ran. Two apps that own different tables
 * in one schema (records, the gateway's carrier keys) keep a ledger each: each list then never
 * sees the other's ids as "unknown, made by newer code".
 */
export async function migrate(
  db: Kysely<unknown>,
  schema: string,
  migrations: readonly Migration[],
  ledger = 'schema_migrations',
): Promise<MigrationReport> {
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  if (new Set(sorted.map((m) => m.id)).size !== sorted.length) throw new Error('duplicate migration ids');
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${`paxscreen-migrate:${schema}`}))`.execute(conn);
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
      // A session whose search_path was first resolved while the schema did not exist yet (another
      // instance creating it) may keep resolving it without the schema: assigning search_path
      // again makes the session resolve it anew.
      await sql`select set_config('search_path', current_setting('search_path'), false)`.execute(conn);
      await sql`
        create table if not exists ${sql.id(schema, ledger)} (
          id text primary key,
          applied_at timestamptz not null default now()
        )`.execute(conn);
      const done = new Set(
        (await sql<{ id: string }>`select id from ${sql.id(schema, ledger)}`.execute(conn)).rows.map(
          (r) => r.id,
        ),
      );
      const known = new Set(sorted.map((m) => m.id));
      const unknown = [...done].filter((id) => !known.has(id));
      if (unknown.length > 0) throw new UnknownMigrationsError(unknown);
      const applied: string[] = [];
      for (const m of sorted) {
        if (done.has(m.id)) continue;
        await conn.transaction().execute(async (tx) => {
          await sql`set local search_path = ${sql.id(schema)}, public`.execute(tx);
          await m.up(tx);
          await sql`insert into ${sql.id(schema, ledger)} (id) values (${m.id})`.execute(tx);
        });
        applied.push(m.id);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${`paxscreen-migrate:${schema}`}))`.execute(conn);
    }
  });
}
