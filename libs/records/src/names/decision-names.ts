import { Kysely, sql } from 'kysely';

import type { DecisionNameRow, DecisionRow, RecordsDatabase, SupersededRow } from '../schema';

/**
 * The `decision_names` rows for a batch of decisions: one per distinct folded name (masked, empty
 * names left out) with the latest travel date among them, in key order (concurrent writers lock
 * the same names in the same order).
 */
export function decisionNameRows(decisions: readonly DecisionRow[]): DecisionNameRow[] {
  const names = new Map<string, DecisionNameRow>();
  for (const d of decisions) {
    if (d.name_search === '') continue;
    const seen = names.get(d.name_search);
    if (seen === undefined)
      names.set(d.name_search, {
        name_search: d.name_search,
        name_skeleton: d.name_skeleton,
        last_travel_date: d.travel_date,
      });
    else if (d.travel_date > seen.last_travel_date) seen.last_travel_date = d.travel_date;
  }
  return [...names.values()].sort((a, b) => (a.name_search < b.name_search ? -1 : 1));
}

/**
 * The `superseded_decisions` rows for a batch: each decision a batch's decision supersedes, dated
 * by the superseding decision's travel date (retention deletes the row with it), in key order.
 */
export function supersededRows(decisions: readonly DecisionRow[]): SupersededRow[] {
  const rows = new Map<string, SupersededRow>();
  for (const d of decisions) {
    if (!d.supersedes) continue;
    const seen = rows.get(d.supersedes);
    if (seen === undefined || d.travel_date > seen.travel_date)
      rows.set(d.supersedes, { decision_id: d.supersedes, travel_date: d.travel_date });
  }
  return [...rows.values()].sort((a, b) => (a.decision_id < b.decision_id ? -1 : 1));
}

/** Rows per statement (3 parameters each, well under PostgreSQL's 65,535). */
const NAMES_PER_STATEMENT = 5000;

/**
 * Files a batch's names: new names inserted, a known name's last travel date moved forward (never
 * back). Idempotent: a replayed batch changes nothing. Returns the rows inserted or moved.
 */
export async function upsertDecisionNames(
  db: Kysely<RecordsDatabase>,
  rows: readonly DecisionNameRow[],
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += NAMES_PER_STATEMENT) {
    const result = await db
      .insertInto('decision_names')
      .values(rows.slice(i, i + NAMES_PER_STATEMENT))
      .onConflict((oc) =>
        oc
          .column('name_search')
          .doUpdateSet({ last_travel_date: (eb) => eb.ref('excluded.last_travel_date') })
          .where('decision_names.last_travel_date', '<', (eb) => eb.ref('excluded.last_travel_date')),
      )
      .executeTakeFirst();
    changed += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return changed;
}

/**
 * Files every name the decisions table holds (the migration's back-fill; a bulk load's too):
 * one pass over `decisions`, idempotent.
 */
export async function refillDecisionNames(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into decision_names (name_search, name_skeleton, last_travel_date)
      select name_search, min(name_skeleton), max(travel_date) from decisions
      where name_search <> '' group by name_search
    on conflict (name_search) do update set last_travel_date = excluded.last_travel_date
      where decision_names.last_travel_date < excluded.last_travel_date`.execute(db);
}
