import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/.*)?$/;

/** The workbench's settings, validated once at start (every bad variable named). */
export class WorkbenchEnv {
  @IsInt() @Min(0) @Max(65535) WORKBENCH_PORT = 8088;
  /**
   * Schema of the alert subscription and delivery tables; '' = `<DATABASE_SCHEMA>_workbench`.
   * Apart from records' and casework's: each keeps its own migration ledger.
   */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/) WORKBENCH_DATABASE_SCHEMA = '';
  /** Where the browser's `/v1/casework/*`, `/v1/records/*` and `/v1/poe/*` calls are passed on to. */
  @Matches(HTTP_URL) CASEWORK_URL = 'http://127.0.0.1:8086';
  @Matches(HTTP_URL) RECORDS_URL = 'http://127.0.0.1:8085';
  @Matches(HTTP_URL) GATEWAY_URL = 'http://127.0.0.1:8080';
  /** A proxied call that takes longer is answered 504 UPSTREAM_TIMEOUT, ms. */
  @IsInt() @Min(100) WORKBENCH_UPSTREAM_TIMEOUT_MS = 15_000;
  /** The built UI (`npm run build:workbench`); the app refuses to start without its index.html. */
  @IsString() WORKBENCH_UI_DIR = 'apps/workbench/dist';
  /** The workbench's address as staff reach it: the link in alert e-mails. */
  @Matches(HTTP_URL) WORKBENCH_PUBLIC_URL = 'http://127.0.0.1:8088';
  /**
   * Development only: `POST /v1/workbench/dev-login` issues a staff token for a chosen role (signed
   * with AUTH_JWT_SECRET). Off unless set to true; never enable it where real data lives.
   */
  @IsBoolean() WORKBENCH_DEV_LOGIN = false;
  /** Live alert streams served at once; more are refused with 503. */
  @IsInt() @Min(1) @Max(10_000) WORKBENCH_MAX_STREAMS = 200;
  /** A stream is closed after this long (the page reconnects with its current token). */
  @IsInt() @Min(1) @Max(24 * 60) WORKBENCH_STREAM_MAX_MINUTES = 15;

  /** SMTP server for alert e-mails (`smtp://host:port`, `smtps://user:pass@host:465`); empty = no e-mail channel. */
  @Matches(/^(smtps?:\/\/.+)?$/) ALERTS_SMTP_URL = '';
  @IsString() ALERTS_MAIL_FROM = 'paxscreen alerts <alerts@paxscreen.invalid>';
  /** Attempts per webhook or e-mail delivery, the first included; then it is dead-lettered. */
  @IsInt() @Min(1) @Max(20) ALERTS_MAX_ATTEMPTS = 6;
  /** Wait before the first retry, ms; doubled for each one after (with jitter). */
  @IsInt() @Min(10) ALERTS_RETRY_BASE_MS = 1000;
  @IsInt() @Min(10) ALERTS_RETRY_MAX_MS = 5 * 60_000;
  /** A webhook or SMTP exchange that takes longer is a failed attempt, ms. */
  @IsInt() @Min(100) ALERTS_SEND_TIMEOUT_MS = 5000;
  /** How often due retries are looked for, ms. */
  @IsInt() @Min(10) ALERTS_POLL_MS = 500;
  /** A delivery being attempted is this instance's for this long (then another may retry it), ms. */
  @IsInt() @Min(1000) ALERTS_LEASE_MS = 30_000;
}

/** The environment the database module reads, with the workbench's schema in DATABASE_SCHEMA. */
export function workbenchDatabaseEnv(env: NodeJS.ProcessEnv, settings: WorkbenchEnv): NodeJS.ProcessEnv {
  const base = env.DATABASE_SCHEMA || 'paxscreen';
  return { ...env, DATABASE_SCHEMA: settings.WORKBENCH_DATABASE_SCHEMA || `${base}_workbench` };
}
