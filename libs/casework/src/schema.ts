import type { ColumnType, Generated } from 'kysely';

/** timestamptz: written as an ISO string, read back as a Date. */
type Timestamp = ColumnType<Date, string, string>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/**
 * One row per hit (traveller and flight). `subject` holds the personal data shown only when a
 * record is opened; `reasons` the referring reasons with their verdicts.
 */
export interface HitsTable {
  hit_id: string;
  identity_key: string;
  traveller_id: string;
  status: string;
  priority: number;
  outcome: string;
  score: number;
  carrier: string;
  flight_number: string;
  departure_date: string;
  origin: string;
  destination: string;
  arrival_at: string | null;
  port: string;
  list_ids: string[];
  rule_ids: string[];
  claimed_by: string | null;
  version: number;
  subject: Json<unknown>;
  reasons: Json<unknown[]>;
  last_decision_id: string;
  near_arrival_alerted: boolean;
  opened_at: Timestamp;
  updated_at: Timestamp;
}

/** Every decision casework has applied (its id makes a redelivery a no-op). */
export interface HitDecisionsTable {
  decision_id: string;
  hit_id: string | null;
  outcome: string;
  supersedes: string | null;
  decided_at: Timestamp;
  applied_at: Timestamp;
}

export interface HitNotesTable {
  note_id: string;
  hit_id: string;
  author: string;
  text: string;
  at: Timestamp;
}

/** Who did what to which hit, when and why: casework's own audit trail (also sent to Topic.Audit). */
export interface HitActionsTable {
  action_id: string;
  hit_id: string;
  action: string;
  actor: string;
  role: string;
  reason: string | null;
  details: Json<Record<string, unknown>> | null;
  at: Timestamp;
}

export interface DispositionsTable {
  disposition_id: string;
  hit_id: string;
  outcome: string;
  analyst: string;
  note: string;
  legal_basis: string | null;
  verdicts: Json<{ reasonKey: string; verdict: string }[]>;
  decided_at: Timestamp;
}

export interface LookoutsTable {
  lookout_id: string;
  hit_id: string;
  port: string;
  status: string;
  document_keys: string[];
  lookout: Json<unknown>;
  created_at: Timestamp;
  closed_at: Timestamp | null;
}

/**
 * Events to publish (alerts, dispositions, audit records), written in the same transaction as the
 * change they announce and sent by the app's relay: a crash between the two loses nothing, it
 * only sends again (at least once; consumers dedupe by id).
 */
export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  key: string;
  /** null: a tombstone. */
  value: Json<unknown> | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A PNR traveller's booking, contact and payment digests (model/co-travellers.ts). */
export interface PnrLinksTable {
  traveller_id: string;
  carrier: string;
  flight_number: string;
  departure_date: string;
  locator: string;
  contacts: string[];
  payments: string[];
  masked_name: string;
  updated_at: Timestamp;
}

/** Every traveller's latest screening outcome. */
export interface TravellerOutcomesTable {
  traveller_id: string;
  outcome: string;
  decided_at: Timestamp;
  /** The decision the outcome is from, and the one it replaced (null on rows filed before 2026-12-07). */
  decision_id: string | null;
  supersedes: string | null;
}

export interface CaseworkDatabase {
  pnr_links: PnrLinksTable;
  traveller_outcomes: TravellerOutcomesTable;
  hits: HitsTable;
  hit_decisions: HitDecisionsTable;
  hit_notes: HitNotesTable;
  hit_actions: HitActionsTable;
  dispositions: DispositionsTable;
  lookouts: LookoutsTable;
  outbox: OutboxTable;
}
