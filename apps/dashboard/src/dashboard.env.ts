import { IsInt, Max, Min } from 'class-validator';

export class DashboardEnv {
  @IsInt() @Min(0) @Max(65535) DASHBOARD_PORT = 8084;
  /** Seconds of history charted (and the window of the outcome and dead-letter figures). */
  @IsInt() @Min(60) @Max(3600) DASHBOARD_WINDOW_SECONDS = 300;
  /** How often connected pages are sent new figures. */
  @IsInt() @Min(100) @Max(60_000) DASHBOARD_PUSH_MS = 1000;
  /** How often consumer-group lag is read from Kafka. */
  @IsInt() @Min(500) @Max(300_000) DASHBOARD_LAG_POLL_MS = 5000;
  /** Flagged decisions and dead letters listed. */
  @IsInt() @Min(1) @Max(500) DASHBOARD_RECENT = 50;
  /**
   * A stream is closed after this long and the page reconnects with its token, so an expired or
   * revoked token stops seeing data within this bound.
   */
  @IsInt() @Min(1) @Max(24 * 60) DASHBOARD_STREAM_MAX_MINUTES = 15;
  /** Concurrent streams served; more are refused with 503. */
  @IsInt() @Min(1) @Max(10_000) DASHBOARD_MAX_STREAMS = 100;
}
