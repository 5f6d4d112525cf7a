import { IsInt, IsNumber, Max, Min } from 'class-validator';

import { DEFAULT_RETENTION } from '@paxscreen/records';

export class RecordsEnv {
  @IsInt() @Min(0) @Max(65535) RECORDS_PORT = 8085;
  /** Largest batch written at once (one transaction, one multi-row insert per table). */
  @IsInt() @Min(1) RECORDS_MAX_BATCH = 5000;
  /** Partitions written concurrently (each batch is its own transaction). */
  @IsInt() @Min(1) @Max(64) RECORDS_CONCURRENCY = 4;
  /** How often partitions for the coming months are made sure of, ms (daily). */
  @IsInt() @Min(1000) RECORDS_PARTITION_CHECK_MS = 24 * 3600 * 1000;
  /** How often the hot path's marker is checked (a lost hot path is refilled from PostgreSQL), ms. */
  @IsInt() @Min(100) RECORDS_HOTPATH_CHECK_MS = 5000;
  /** The hot path's lifetime, as screening's (decisions travelling that far ahead are refilled), hours. */
  @IsInt() @Min(1) HOTPATH_TTL_HOURS = 48;
  /** How often the retention job runs, ms (hourly; each run is audited). */
  @IsInt() @Min(1000) RECORDS_RETENTION_CHECK_MS = 3600 * 1000;
  /** API traveller data is masked this many days after the travel date (see retention-policy.ts). */
  @IsNumber() @Min(0) RETENTION_API_DAYS = DEFAULT_RETENTION.apiDays;
  /** Decisions are deleted this many days after the travel date. */
  @IsNumber() @Min(0) RETENTION_DECISIONS_DAYS = DEFAULT_RETENTION.decisionsDays;
  /** Audit events are deleted this many days after the day they happened. */
  @IsNumber() @Min(0) RETENTION_AUDIT_DAYS = DEFAULT_RETENTION.auditDays;
  /** PNR records are deleted this many days after they were received (as the parser's setting). */
  @IsNumber() @Min(0) PNR_RETENTION_DAYS = DEFAULT_RETENTION.pnrDays;
}
