import { IsInt, Matches, Max, Min } from 'class-validator';

export class CaseworkEnv {
  @IsInt() @Min(0) @Max(65535) CASEWORK_PORT = 8086;
  /**
   * Schema of casework's tables; '' = `<DATABASE_SCHEMA>_casework`. Apart from records' schema:
   * each keeps its own migration ledger.
   */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/) CASEWORK_DATABASE_SCHEMA = '';
  /** A hit whose flight arrives within this many hours raises HIT_NEAR_ARRIVAL. */
  @IsInt() @Min(1) @Max(168) ALERT_WINDOW_HOURS = 6;
  /** How often the outbox (alerts, dispositions, audit) is sent when nothing kicked it, ms. */
  @IsInt() @Min(20) CASEWORK_RELAY_MS = 250;
  /** How often open hits are checked for entering the alert window, and lookouts re-written to Redis, ms. */
  @IsInt() @Min(100) CASEWORK_SCAN_MS = 30_000;
  /** Largest batch of decisions applied in one transaction. */
  @IsInt() @Min(1) @Max(5000) CASEWORK_MAX_BATCH = 500;
  /** Lifetime of a lookout in Redis after its last write, hours (re-written every scan while open). */
  @IsInt() @Min(1) HOTPATH_TTL_HOURS = 48;
}

/** The environment the database module reads, with casework's schema in DATABASE_SCHEMA. */
export function caseworkDatabaseEnv(env: NodeJS.ProcessEnv, settings: CaseworkEnv): NodeJS.ProcessEnv {
  const base = env.DATABASE_SCHEMA || 'paxscreen';
  return { ...env, DATABASE_SCHEMA: settings.CASEWORK_DATABASE_SCHEMA || `${base}_casework` };
}
