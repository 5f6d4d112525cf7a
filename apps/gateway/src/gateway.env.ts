import { IsBoolean, IsInt, IsNumber, Matches, Max, Min } from 'class-validator';

/** Gateway settings (validated at start; the error names every bad variable). */
export class GatewayEnv {
  @IsInt() @Min(0) @Max(65535) GATEWAY_PORT = 8080;
  /** Carrier API keys, stored hashed: `CARRIER:sha256hex` pairs, comma-separated. */
  @Matches(/^([A-Z0-9]{2,3}:[a-f0-9]{64})?(,[A-Z0-9]{2,3}:[a-f0-9]{64})*$/, {
    message: 'GATEWAY_CARRIER_KEYS must be CARRIER:sha256hex pairs, comma-separated',
  })
  GATEWAY_CARRIER_KEYS = '';
  /**
   * Carrier keys managed through the admin API, kept hashed in PostgreSQL (DATABASE_URL,
   * DATABASE_SCHEMA). Off: only GATEWAY_CARRIER_KEYS. On with PostgreSQL down: the gateway starts
   * on the environment's keys, says so, and loads the database's once it answers.
   */
  @IsBoolean() GATEWAY_CARRIER_KEYS_DB = true;
  /**
   * Every this often the gateway reloads the database keys even without a NOTIFY (a lost
   * notification, a change made by hand): the bound on how late a revocation can take effect, ms.
   */
  @IsInt() @Min(1000) GATEWAY_CARRIER_KEYS_REFRESH_MS = 30_000;
  /** How long a rotated-out key stays valid when the admin does not say, hours. */
  @IsInt() @Min(0) @Max(24 * 30) CARRIER_KEY_OVERLAP_HOURS = 24;
  /** Largest accepted carrier message, bytes. */
  @IsInt() @Min(1024) GATEWAY_BODY_LIMIT = 10 * 1024 * 1024;
  /** How long receipts (and idempotency claims) are kept: API data retention, hours. */
  @IsInt() @Min(1) RECEIPT_TTL_HOURS = 72;
  /** iAPI: how long to wait for screening before answering CONTACT_AGENCY, ms. */
  @IsInt() @Min(50) IAPI_TIMEOUT_MS = 2000;
  @IsInt() @Min(1) IAPI_MAX_TRAVELLERS = 500;
  /** How long a hot-path decision stays current (as the screening service writes it), hours. */
  @IsInt() @Min(1) HOTPATH_TTL_HOURS = 48;
  /** PNR records older than this are never answered (the parser deletes them), days. */
  @IsNumber() @Min(0) PNR_RETENTION_DAYS = 1826;
  /** Port of entry: how long an on-demand screening may take, ms. */
  @IsInt() @Min(50) POE_SCREEN_TIMEOUT_MS = 2000;
  /** Key (64 hex characters) that opens masked PNR records for a supervisor's unmasking; required. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PNR_UNMASK_KEY must be 64 hex characters (32 bytes)' })
  PNR_UNMASK_KEY = '';
  /** Requests per carrier per window, shared by every gateway instance (Redis). */
  @IsInt() @Min(1) GATEWAY_RATE_LIMIT = 600;
  @IsInt() @Min(1000) GATEWAY_RATE_WINDOW_MS = 60_000;
  /** Requests per staff token (or address without one) per window on staff routes (look-ups, PNR). */
  @IsInt() @Min(1) GATEWAY_STAFF_RATE_LIMIT = 6000;
  /**
   * Carrier requests (messages, iAPI) in progress at once on this gateway, and how many more may
   * wait for a slot; beyond that 503 CARRIER_BUSY. Keeps port-of-entry look-ups fast under a
   * carrier flood: the rest of the event loop is theirs.
   */
  @IsInt() @Min(1) GATEWAY_CARRIER_CONCURRENCY = 32;
  @IsInt() @Min(0) GATEWAY_CARRIER_QUEUE = 128;
  /**
   * iAPI requests give their carrier slot back once they are on the requests topic: waiting for
   * screening's reply costs the gateway nothing. What bounds those waits instead: beyond this many
   * travellers waiting for replies on this gateway (about what screening gets through within
   * IAPI_TIMEOUT_MS), a new iAPI request is refused 503 CARRIER_BUSY before it is read.
   */
  @IsInt() @Min(1) IAPI_MAX_PENDING_TRAVELLERS = 2000;
  /** Largest iAPI request, bytes (a few hundred travellers; refused while reading beyond). */
  @IsInt() @Min(1024) IAPI_BODY_LIMIT = 1024 * 1024;
}
