import type { ColumnType } from 'kysely';

/** timestamptz: written as an ISO string, read back as a Date. */
type Timestamp = ColumnType<Date, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface ExpectedFlightsTable {
  carrier: string;
  flight_number: string;
  departure_date: string;
  origin: string;
  destination: string;
  departure_at: Timestamp;
  arrival_at: Timestamp | null;
  source: string;
  unknown_carrier: boolean;
  import_id: string | null;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface FlightObligationsTable {
  carrier: string;
  flight_number: string;
  departure_date: string;
  origin: string;
  obligation: string;
  due_at: Timestamp;
  status: string;
  met_at: Timestamp | null;
  receipt_id: string | null;
  incident_id: string | null;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface FlightMessagesTable {
  manifest_id: string;
  manifest_version: number;
  event_id: string;
  receipt_id: string;
  carrier: string;
  flight_number: string;
  departure_date: string;
  kind: string;
  message_type: string;
  received_at: Timestamp;
  travellers: number;
  errors: number;
  warnings: number;
  bad_document_travellers: number;
  content_hash: string;
}

export interface MessageFindingsTable {
  manifest_id: string;
  manifest_version: number;
  carrier: string;
  departure_date: string;
  code: string;
  category: string;
  field: string;
  count: number;
}

export interface MessageRejectionsTable {
  event_id: string;
  carrier: string;
  code: string;
  stage: string;
  receipt_id: string | null;
  received_at: Timestamp;
}

export interface CarrierEventsTable {
  event_id: string;
  incident_id: string;
  carrier: string;
  flight_number: string;
  departure_date: string;
  obligation: string;
  kind: string;
  state: string;
  occurred_at: Timestamp;
  event: Json<object>;
  published_at: Timestamp | null;
  webhook_at: Timestamp | null;
  webhook_attempts: ColumnType<number, number | undefined, number>;
}

export interface CarrierProfilesTable {
  carrier: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface ScheduleImportsTable {
  import_id: string;
  actor: string;
  format: string;
  file_name: string;
  rows: number;
  flights: number;
  skipped: number;
  unknown_carrier_flights: number;
  issues: Json<object>;
  imported_at: Timestamp;
}

export interface CarriersDatabase {
  expected_flights: ExpectedFlightsTable;
  flight_obligations: FlightObligationsTable;
  flight_messages: FlightMessagesTable;
  message_findings: MessageFindingsTable;
  message_rejections: MessageRejectionsTable;
  carrier_events: CarrierEventsTable;
  carrier_profiles: CarrierProfilesTable;
  schedule_imports: ScheduleImportsTable;
}
