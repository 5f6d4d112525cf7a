import { Kysely, sql } from 'kysely';

/** First day of the month `offset` months after the month of `day` (UTC), as YYYY-MM-DD. */
export function monthStart(day: Date, offset = 0): string {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

/** `decisions` + 2026-12-01 → `decisions_p202612`. */
export function partitionName(table: string, from: string): string {
  return `${table}_p${from.slice(0, 4)}${from.slice(5, 7)}`;
}

/**
 * Makes sure `table` (declared `partition by range (<date column>)`) has one partition per month
 * from `monthsBack` before `around` to `monthsAhead` after it, and a default partition that takes
 * whatever falls outside (a far-future departure, a malformed date mapped to the event's day):
 * rows never fail for want of a partition. Dropping a whole month is how retention deletes.
 * Idempotent; safe to run at every start and from a daily job.
 */
export async function ensureMonthlyPartitions(
  db: Kysely<unknown>,
  table: string,
  { around = new Date(), monthsBack = 1, monthsAhead = 3 } = {},
): Promise<string[]> {
  const created: string[] = [];
  await sql`create table if not exists ${sql.id(`${table}_default`)} partition of ${sql.id(table)} default`.execute(
    db,
  );
  for (let m = -monthsBack; m <= monthsAhead; m++) {
    const from = monthStart(around, m);
    const to = monthStart(around, m + 1);
    const name = partitionName(table, from);
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_class c
        join pg_namespace s on s.oid = c.relnamespace
        where c.relname = ${name} and s.nspname = current_schema()`.execute(db);
    if (exists.rows[0].n > 0) continue;
    // A month's rows already in the default partition would make the new partition's creation
    // fail; they are moved into it in the same transaction.
    await db.transaction().execute(async (tx) => {
      await sql`create table ${sql.id(name)} (like ${sql.id(table)} including defaults including constraints)`.execute(
        tx,
      );
      const key = await partitionKeyOf(tx, table);
      await sql`with moved as (delete from ${sql.id(`${table}_default`)}
          where ${sql.id(key)} >= ${from}::date and ${sql.id(key)} < ${to}::date returning *)
        insert into ${sql.id(name)} select * from moved`.execute(tx);
      await sql`alter table ${sql.id(table)} attach partition ${sql.id(name)}
        for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(tx);
    });
    created.push(name);
  }
  return created;
}

async function partitionKeyOf(db: Kysely<unknown>, table: string): Promise<string> {
  const r = await sql<{ key: string }>`select a.attname as key from pg_partitioned_table p
      join pg_class c on c.oid = p.partrelid
      join pg_namespace s on s.oid = c.relnamespace
      join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
      where c.relname = ${table} and s.nspname = current_schema()`.execute(db);
  if (!r.rows[0]) throw new Error(`${table} is not a partitioned table in the current schema`);
  return r.rows[0].key;
}
