import { Kysely } from 'kysely';

/** PostgreSQL's limit on bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows in as few multi-row statements as the parameter limit allows and ignores rows whose
 * key is already there (`ON CONFLICT DO NOTHING`): consumption is at-least-once, the effect of a
 * replayed event is nil. Returns how many rows were new.
 */
export async function insertIgnoringDuplicates<DB>(
  db: Kysely<DB>,
  table: keyof DB & string,
  rows: readonly object[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]).length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += perStatement) {
    // Callers build rows from the table's Insertable type; the loop itself is table-agnostic.
    const result = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as Record<string, unknown>[])
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}
