import { IsInt, Max, Min } from 'class-validator';

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
}
