import { IsInt, Max, Min } from 'class-validator';

export class WatchlistEnv {
  @IsInt() @Min(0) @Max(65535) WATCHLIST_PORT = 8083;
  /** Largest accepted list upload, bytes (the full OFAC SDN set is ~10 MB; UN ~2 MB). */
  @IsInt() @Min(1024) WATCHLIST_UPLOAD_LIMIT = 200 * 1024 * 1024;
  /** Records per Kafka request when publishing a list version. */
  @IsInt() @Min(1) WATCHLIST_PUBLISH_BATCH = 2000;
}
