import { Kysely, sql } from 'kysely';

import type { DecisionRow, RecordsDatabase, SupersededRow } from '../schema';

/**
 * A traveller on a flight: the decisions that compete to be its current one. The traveller id is
 * already per manifest (per flight); the flight and the travel date keep two flights' decisions
 * apart even so, and lead the `decisions_flight` index, which reads a key's decisions.
 */
export interface TravellerFlightKey {
  traveller_id: string;
  carrier: string;
  flight_number: string;
  travel_date: string;
}

/** A decision of a key as the writer reads it back (after the batch was inserted). */
export interface KeyDecision extends TravellerFlightKey {
  decision_id: string;
  decided_at: Date;
  /** Another decision names this one in `supersedes` (an explicit mark, filed by `supersededRows`). */
  named: boolean;
  /** `superseded_decisions` has a row for it (explicit or implied). */
  marked: boolean;
}

const keyOf = (k: TravellerFlightKey): string =>
  JSON.stringify([k.traveller_id, k.carrier, k.flight_number, k.travel_date]);

/** The distinct traveller-flight keys of a batch's decisions, in key order. */
export function travellerFlightKeys(decisions: readonly DecisionRow[]): TravellerFlightKey[] {
  const keys = new Map<string, TravellerFlightKey>();
  for (const d of decisions) {
    const key: TravellerFlightKey = {
      traveller_id: d.traveller_id,
      carrier: d.carrier,
      flight_number: d.flight_number,
      travel_date: d.travel_date,
    };
    keys.set(keyOf(key), key);
  }
  return [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}

/**
 * Which decisions of the given keys are superseded although no decision names them: screening
 * finds the decision a new one supersedes in the Redis hot path, so a traveller screened again
 * while the hot path is empty (a flush, before the refill) gets a decision with no `supersedes`.
 *
 * Per key, the candidates are the decisions no decision names (an explicit `supersedes` always
 * wins); the latest candidate (decided last, then the greater decision id) is current, every other
 * candidate is superseded. The answer is a function of the key's decisions only, not of the order
 * they were filed in: a replayed older decision is marked again, and a mark an earlier, partial
 * view implied is taken back (`unmark`) when the decision turns out to be the latest candidate.
 * Marks are dated by the decision's own travel date (retention deletes them with it).
 */
export function impliedSupersession(decisions: readonly KeyDecision[]): {
  mark: SupersededRow[];
  unmark: string[];
} {
  const latest = new Map<string, KeyDecision>();
  for (const d of decisions) {
    if (d.named) continue;
    const seen = latest.get(keyOf(d));
    if (seen === undefined || later(d, seen)) latest.set(keyOf(d), d);
  }
  const mark: SupersededRow[] = [];
  const unmark: string[] = [];
  for (const d of decisions) {
    if (d.named) continue;
    const current = latest.get(keyOf(d)) === d;
    if (current && d.marked) unmark.push(d.decision_id);
    if (!current && !d.marked) mark.push({ decision_id: d.decision_id, travel_date: d.travel_date });
  }
  mark.sort((a, b) => (a.decision_id < b.decision_id ? -1 : 1));
  unmark.sort();
  return { mark, unmark };
}

function later(a: KeyDecision, b: KeyDecision): boolean {
  const at = a.decided_at.getTime() - b.decided_at.getTime();
  return at !== 0 ? at > 0 : a.decision_id > b.decision_id;
}

/** Keys per read (4 parameters each). */
const KEYS_PER_STATEMENT = 5000;

/**
 * Files the implied marks for the keys of a batch's decisions (after the decisions and their
 * explicit marks, in the same transaction): reads each key's decisions through the flight index,
 * then deletes and inserts what `impliedSupersession` says. Idempotent. Returns the rows changed.
 */
export async function fileImpliedSupersession(
  db: Kysely<RecordsDatabase>,
  decisions: readonly DecisionRow[],
): Promise<number> {
  const keys = travellerFlightKeys(decisions);
  let changed = 0;
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
    const slice = keys.slice(i, i + KEYS_PER_STATEMENT);
    const rows = await sql<KeyDecision>`
      select d.decision_id, d.traveller_id, d.carrier, d.flight_number, d.travel_date::text as travel_date,
             d.decided_at,
             exists (select 1 from decisions n where n.supersedes = d.decision_id) as named,
             exists (select 1 from superseded_decisions s where s.decision_id = d.decision_id) as marked
      from unnest(${slice.map((k) => k.traveller_id)}::text[], ${slice.map((k) => k.carrier)}::text[],
                  ${slice.map((k) => k.flight_number)}::text[], ${slice.map((k) => k.travel_date)}::date[])
             as k(traveller_id, carrier, flight_number, travel_date)
      join decisions d on d.carrier = k.carrier and d.flight_number = k.flight_number
        and d.travel_date = k.travel_date and d.traveller_id = k.traveller_id`.execute(db);
    const { mark, unmark } = impliedSupersession(rows.rows);
    if (unmark.length > 0) {
      const deleted = await db
        .deleteFrom('superseded_decisions')
        .where('decision_id', 'in', unmark)
        .executeTakeFirst();
      changed += Number(deleted.numDeletedRows);
    }
    if (mark.length > 0) {
      const inserted = await db
        .insertInto('superseded_decisions')
        .values(mark)
        .onConflict((oc) => oc.column('decision_id').doNothing())
        .executeTakeFirst();
      changed += Number(inserted.numInsertedOrUpdatedRows ?? 0n);
    }
  }
  return changed;
}
