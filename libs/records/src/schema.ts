import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** timestamptz: written as an ISO string, read back as a Date. */
type Timestamp = ColumnType<Date, string, string>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/**
 * One row per traveller event (one traveller in one manifest version). API data only: the PNR
 * extras (contacts, payment, …) stay with the PNR vault and are not copied here.
 * Partitioned by month of `travel_date`; key (event_id, travel_date).
 */
export interface TravellersTable {
  event_id: string;
  travel_date: string;
  traveller_id: string;
  manifest_id: string;
  manifest_version: number;
  message_type: string;
  carrier: string;
  flight_number: string;
  departure_port: string;
  arrival_port: string;
  departure_at: string | null;
  arrival_at: string | null;
  role: string;
  surname: string;
  given_names: string;
  /** Upper-case ASCII "GIVEN NAMES SURNAME" for trigram search. */
  name_search: string;
  /** Consonant skeleton per name word (see mapping/names.ts) for spelling variants. */
  name_skeleton: string;
  date_of_birth: string | null;
  nationality: string | null;
  /** `ISSUER:NUMBER` per document, canonical (see mapping/documents.ts). */
  document_keys: string[];
  documents: Json<unknown[]>;
  pnr_locator: string | null;
  findings: number;
  /** Set when the retention job masked the row's personal data (API period over). */
  masked_at: ColumnType<Date | null, string | null | undefined, string | null>;
  correlation_id: string;
  occurred_at: Timestamp;
}

/**
 * One row per decision (first screenings and re-vets). `supersedes` points at the decision this
 * one replaced; the `current_decisions` view keeps the ones nothing supersedes.
 * Partitioned by month of `travel_date`; key (decision_id, travel_date).
 */
export interface DecisionsTable {
  decision_id: string;
  travel_date: string;
  event_id: string;
  traveller_id: string;
  manifest_id: string;
  correlation_id: string;
  carrier: string;
  flight_number: string;
  departure_port: string;
  arrival_port: string;
  departure_at: string | null;
  outcome: string;
  supersedes: string | null;
  reasons: Json<unknown[]>;
  list_versions: Json<Record<string, string>>;
  surname: string;
  given_names: string;
  name_search: string;
  name_skeleton: string;
  date_of_birth: string | null;
  nationality: string | null;
  document_keys: string[];
  decided_at: Timestamp;
  received_at: Timestamp | null;
  occurred_at: Timestamp;
  /** The decision event as published (hot-path refill); null for rows filed before it was kept. */
  event: ColumnType<unknown, string | null, string | null>;
  /** `CANCELLED` / `OFFLOADED` when the carrier reported so after check-in (and when). */
  traveller_status: ColumnType<string | null, string | null | undefined, string | null>;
  traveller_status_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

/** One row per accepted manifest version (the receipt's content, without personal data). */
export interface ManifestsTable {
  event_id: string;
  manifest_id: string;
  manifest_version: number;
  message_type: string;
  message_version: string;
  carrier: string;
  flight_number: string;
  flight_key: string;
  departure_date: string | null;
  travellers: number;
  errors: number;
  warnings: number;
  /** The gateway's receipt id. */
  correlation_id: string;
  occurred_at: Timestamp;
}

/** Data-quality findings of a manifest version, one row each (no personal data by contract). */
export interface FindingsTable {
  manifest_event_id: string;
  position: number;
  manifest_id: string;
  correlation_id: string;
  code: string;
  severity: string;
  message: string;
  segment: number | null;
  field: string | null;
  traveller_index: number | null;
}

/** Every dead letter of every stage, with the original bytes. */
export interface DeadLettersTable {
  event_id: string;
  stage: string;
  code: string;
  message: string;
  source_topic: string;
  source_partition: number | null;
  source_offset: string | null;
  record_key: string | null;
  /** This record's bytes: the whole original, or its part `part` of `parts`. */
  payload: Buffer;
  correlation_id: string;
  occurred_at: Timestamp;
  /** Shared by the parts of one dead letter (its first part's event id). */
  dead_letter_id: string | null;
  part: number | null;
  parts: number | null;
  /** Length and SHA-256 of the whole original. */
  payload_length: number | null;
  payload_sha256: string | null;
  /** Where the bytes are when no dead-letter record holds them. */
  payload_reference: string | null;
}

/** Who looked at what / changed what. Partitioned by month of `occurred_on`. */
export interface AuditEventsTable {
  event_id: string;
  occurred_on: string;
  occurred_at: Timestamp;
  action: string;
  actor: string;
  role: string;
  target: string;
  outcome: string;
  details: ColumnType<Record<string, string | number | boolean> | null, string | null, string | null>;
  correlation_id: string;
}

/** One row per imported list version. */
export interface ListVersionsTable {
  event_id: string;
  list_id: string;
  kind: string;
  version: string;
  format: string;
  imported_at: Timestamp;
  entries: number;
  diff: Json<{ added: number; changed: number; removed: number; unchanged: number }>;
  findings: number;
  digest: string | null;
}

/** The PNR vault: one record per PNR-derived traveller (see vault/pnr-vault.ts). */
export interface PnrRecordsTable {
  traveller_id: string;
  manifest_id: string;
  received_at: Timestamp;
  masked: boolean;
  traveller: Json<unknown>;
  sealed: string | null;
}

/** Carrier receipts (see vault/receipt-store.ts). */
export interface ReceiptsTable {
  receipt_id: string;
  carrier: string;
  receipt: Json<unknown>;
  stored: ColumnType<boolean, boolean | undefined, boolean>;
  source: string | null;
  expires_at: Timestamp;
}

/** Claims of a receipt id by bytes digest or Idempotency-Key. */
export interface ReceiptClaimsTable {
  claim: string;
  receipt_id: string;
  expires_at: Timestamp;
}

/** Manifest versions given to receipts (see vault/manifest-store.ts). */
export interface ManifestVersionsTable {
  manifest_id: string;
  receipt_id: string;
  version: number;
  expires_at: Timestamp;
}

/** The last version given per manifest. */
export interface ManifestVersionCountersTable {
  manifest_id: string;
  last: number;
  expires_at: Timestamp;
}

/** Parts of multi-part messages waiting for the rest of their set (see vault/manifest-store.ts). */
export interface MultipartPartsTable {
  /** `carrier|type:reference`. */
  set_id: string;
  sequence: number;
  /**
   * The part as the parser read it (StoredPart), JSON text: `text`, not `jsonb`, because jsonb
   * refuses the escaped NUL (\u0000) a carrier's bytes may hold, and the part must be kept as read.
   */
  part: string;
  /** When the set's first part arrived (the sweeper's timeout counts from it). */
  first_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * The distinct folded names the decisions carry (name search reads these first, then the decisions
 * of the names found): the latest travel date a name was seen on says when retention deletes it.
 */
export interface DecisionNamesTable {
  name_search: string;
  name_skeleton: string;
  last_travel_date: string;
}

/** The ids of the decisions another decision supersedes (and that one's travel date, for retention). */
export interface SupersededDecisionsTable {
  decision_id: string;
  travel_date: string;
}

/** The current (not superseded) decisions: same columns as `decisions`. */
export type CurrentDecisionsView = DecisionsTable;

export interface RecordsDatabase {
  travellers: TravellersTable;
  decisions: DecisionsTable;
  current_decisions: CurrentDecisionsView;
  decision_names: DecisionNamesTable;
  superseded_decisions: SupersededDecisionsTable;
  manifests: ManifestsTable;
  data_quality_findings: FindingsTable;
  dead_letters: DeadLettersTable;
  audit_events: AuditEventsTable;
  list_versions: ListVersionsTable;
  pnr_records: PnrRecordsTable;
  receipts: ReceiptsTable;
  receipt_claims: ReceiptClaimsTable;
  manifest_versions: ManifestVersionsTable;
  manifest_version_counters: ManifestVersionCountersTable;
  multipart_parts: MultipartPartsTable;
  schema_migrations: { id: string; applied_at: Generated<Date> };
}

export type TravellerRow = Insertable<TravellersTable>;
export type DecisionRow = Insertable<DecisionsTable>;
export type DecisionNameRow = Insertable<DecisionNamesTable>;
export type SupersededRow = Insertable<SupersededDecisionsTable>;
export type ManifestRow = Insertable<ManifestsTable>;
export type FindingRow = Insertable<FindingsTable>;
export type DeadLetterRow = Insertable<DeadLettersTable>;
export type AuditRow = Insertable<AuditEventsTable>;
export type ListVersionRow = Insertable<ListVersionsTable>;
export type StoredDecision = Selectable<DecisionsTable>;
export type StoredAuditEvent = Selectable<AuditEventsTable>;

/** Tables partitioned by month (retention drops whole months). */
export const PARTITIONED_TABLES = ['travellers', 'decisions', 'audit_events'] as const;
