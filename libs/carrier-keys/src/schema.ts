import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;

/** One row per carrier allowed to send data (IATA / ICAO designator). */
export interface CarriersTable {
  code: string;
  name: string;
  created_at: Timestamp;
  created_by: string;
}

/** One row per issued key: its SHA-256 only, never the key. */
export interface CarrierKeysTable {
  key_id: string;
  carrier: string;
  /** `pxk_<keyId>`: what lists show to tell keys apart. */
  prefix: string;
  sha256: string;
  created_at: Timestamp;
  created_by: string;
  /** Set by a rotation: the key stays valid until then (the overlap window). */
  expires_at: NullableTimestamp;
  /** Set by a revocation: invalid from then on. */
  revoked_at: NullableTimestamp;
  revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CarrierKeysDatabase {
  carriers: CarriersTable;
  carrier_keys: CarrierKeysTable;
  carrier_keys_migrations: { id: string; applied_at: Generated<Date> };
}

export type CarrierRow = Selectable<CarriersTable>;
export type CarrierKeyRow = Selectable<CarrierKeysTable>;
