import { IsInt, Matches, Max, Min } from 'class-validator';

import { checkedPolicy, TimelinessPolicy } from '@paxscreen/carriers';

/** apps/carriers settings, validated once at start (every bad variable named). */
export class CarriersEnv {
  @IsInt() @Min(0) @Max(65535) CARRIERS_PORT = 8087;
  /** Carrier API keys as the gateway's (`CARRIER:sha256hex,…`): carriers read their own scorecard with them. */
  @Matches(/^([A-Z0-9]{2,3}:[a-f0-9]{64})?(,[A-Z0-9]{2,3}:[a-f0-9]{64})*$/, {
    message: 'GATEWAY_CARRIER_KEYS must be CARRIER:sha256hex pairs, comma-separated',
  })
  GATEWAY_CARRIER_KEYS = '';
  /** Keys issued through the gateway's admin API are reloaded from the database this often, ms. */
  @IsInt() @Min(1000) CARRIERS_KEYS_REFRESH_MS = 30_000;
  /** PAXLST passenger list due this many minutes before departure (end of check-in). */
  @IsInt() @Min(0) @Max(1440) CARRIERS_API_DUE_MINUTES = 60;
  /** PAXLST crew list due this many minutes before departure. */
  @IsInt() @Min(0) @Max(1440) CARRIERS_CREW_DUE_MINUTES = 60;
  /** A passenger list from this many minutes before departure on is the closed-out list. */
  @IsInt() @Min(0) @Max(720) CARRIERS_CLOSEOUT_OPENS_MINUTES = 30;
  /** The closed-out list is due this many minutes after departure (wheels-up). */
  @IsInt() @Min(0) @Max(720) CARRIERS_CLOSEOUT_GRACE_MINUTES = 30;
  /** PNR push offsets, hours before departure (EU PNR Directive practice: 72, 24, 2, 0). */
  @Matches(/^(72|48|24|12|6|2|1|0)(,(72|48|24|12|6|2|1|0))*$/, {
    message: 'CARRIERS_PNR_OFFSETS_HOURS is a comma-separated list of 72, 48, 24, 12, 6, 2, 1, 0',
  })
  CARRIERS_PNR_OFFSETS_HOURS = '72,24,2,0';
  /** A push counts for its offset from this many minutes before it and is due this long after it. */
  @IsInt() @Min(1) @Max(600) CARRIERS_PNR_WINDOW_MINUTES = 60;
  /** How often the watcher looks for obligations past due, ms. */
  @IsInt() @Min(100) CARRIERS_WATCH_INTERVAL_MS = 30_000;
  /**
   * Flights inferred from a message carry the local departure time the carrier sent (no zone):
   * it is read as UTC plus this offset, minutes, until a schedule gives the flight's real time.
   */
  @IsInt() @Min(-840) @Max(840) CARRIERS_INFERRED_UTC_OFFSET_MINUTES = 0;
  /** Webhook calls (per carrier, HMAC-signed) give up after this long, ms, and after this many tries. */
  @IsInt() @Min(100) CARRIERS_WEBHOOK_TIMEOUT_MS = 5000;
  @IsInt() @Min(1) CARRIERS_WEBHOOK_MAX_ATTEMPTS = 10;
  /** Largest schedule upload, bytes (a season of SSIM for a large carrier is a few MB). */
  @IsInt() @Min(1024) CARRIERS_UPLOAD_LIMIT = 50 * 1024 * 1024;
  /** A schedule is refused when it expands to more flights than this. */
  @IsInt() @Min(1) CARRIERS_MAX_SCHEDULE_FLIGHTS = 200_000;
}

export function policyOf(e: CarriersEnv): TimelinessPolicy {
  return checkedPolicy({
    apiDueMinutes: e.CARRIERS_API_DUE_MINUTES,
    crewDueMinutes: e.CARRIERS_CREW_DUE_MINUTES,
    closeoutOpensMinutes: e.CARRIERS_CLOSEOUT_OPENS_MINUTES,
    closeoutGraceMinutes: e.CARRIERS_CLOSEOUT_GRACE_MINUTES,
    pnrOffsetsHours: e.CARRIERS_PNR_OFFSETS_HOURS.split(',').map(Number),
    pnrWindowMinutes: e.CARRIERS_PNR_WINDOW_MINUTES,
  });
}
