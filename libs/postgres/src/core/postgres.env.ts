import { IsInt, Matches, Max, Min } from 'class-validator';

/** PostgreSQL settings, read from the environment once at start-up. */
export class PostgresEnv {
  /** postgres://user[:password]@host:port/database (`?sslmode=require` for TLS). */
  @Matches(/^postgres(ql)?:\/\/.+/) DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/paxscreen';
  /**
   * Schema holding paxscreen's tables (created if missing). Tests give every suite its own; a
   * deployment may run several environments in one database this way.
   */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/) DATABASE_SCHEMA = 'paxscreen';
  @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 10;
  /** A query (and a connection attempt) gives up after this long, ms. */
  @IsInt() @Min(100) DATABASE_STATEMENT_TIMEOUT_MS = 30_000;
}
