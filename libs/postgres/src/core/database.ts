import { Kysely, PostgresDialect, sql } from 'kysely';
import { Client, Pool, types } from 'pg';

import { loadEnv } from '@paxscreen/contracts';

import { PostgresEnv } from './postgres.env';

// `date` columns come back as the 'YYYY-MM-DD' text they are, not as a local-midnight Date;
// `bigint` (count(*)) as a number: paxscreen's counts stay far below 2^53.
types.setTypeParser(types.builtins.DATE, (v) => v);
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export interface PostgresSettings {
  url: string;
  schema: string;
  poolSize: number;
  statementTimeoutMs: number;
}

export function postgresSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PostgresSettings {
  const e = loadEnv(PostgresEnv, env);
  return {
    url: e.DATABASE_URL,
    schema: e.DATABASE_SCHEMA,
    poolSize: e.DATABASE_POOL_SIZE,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/** A Kysely instance over a pg pool whose connections all use the settings' schema. */
export type Database<DB> = Kysely<DB>;

/**
 * Opens a pool (lazily: nothing connects until the first query) whose sessions search the
 * configured schema first, so queries name tables without a schema. `pg_trgm` and friends are
 * found in `public` behind it.
 */
export function createDatabase<DB>(settings: PostgresSettings, applicationName: string): Database<DB> {
  const pool = new Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    application_name: applicationName,
    connectionTimeoutMillis: settings.statementTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
  });
  // A server that goes away makes clients emit 'error' (idle ones through the pool, busy ones on
  // themselves; their query fails too and is retried by the caller): never crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    // Queued ahead of the client's first query. A SET rather than the `options` startup parameter:
    // servers that ignore startup options (PGlite behind pglite-socket, some poolers) honour it.
    void client.query(`set search_path to "${settings.schema}", public`).catch(() => undefined);
  });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** True when the server answers a trivial query. */
export async function postgresAnswers(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the database DATABASE_URL names when it does not exist yet (connecting to the server's
 * `postgres` database to do so). For development stacks and the demo; production databases are
 * provisioned by their operators.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error('DATABASE_URL names no valid database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Drops a schema and everything in it (a benchmark's or chaos run's own schema at its end). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('not a schema name');
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
