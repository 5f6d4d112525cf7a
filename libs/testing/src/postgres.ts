import { randomBytes } from 'node:crypto';

import { Client } from 'pg';

import { dockerAnswers, portAnswers } from './services';

/**
 * How tests reach PostgreSQL, in this order (like Kafka and Redis, see services.ts):
 * 1. `DATABASE_URL` from the environment (CI, a developer's server): its server is used;
 * 2. testcontainers (`@testcontainers/postgresql`), when a Docker engine answers;
 * 3. the local server on 127.0.0.1:5432 (user postgres, trust auth), which `scripts/postgres.sh`
 *    checks or starts.
 * Each run creates its own database on that server (dropped at the end) and each suite its own
 * schema in it (dropped by the suite).
 */
export const POSTGRES_IMAGE = 'postgres:17-alpine';
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestPostgres {
  /** URL of this run's own database. */
  databaseUrl: string;
  source: 'environment' | 'testcontainers' | 'local';
  stop: () => Promise<void>;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Name of this run's database: `PAXSCREEN_TEST_DATABASE_PREFIX` (default `paxscreen_test_`) + run. */
export function runDatabaseName(run: string): string {
  const prefix = process.env.PAXSCREEN_TEST_DATABASE_PREFIX ?? 'paxscreen_test_';
  return `${prefix}${run}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}

/** Finds or starts a server and creates this run's database on it. */
export async function provideTestPostgres(run: string): Promise<TestPostgres> {
  let serverUrl: string;
  let source: TestPostgres['source'];
  let stopServer = async () => undefined;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
    source = 'environment';
  } else if (await dockerAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(POSTGRES_IMAGE).start();
    serverUrl = container.getConnectionUri();
    source = 'testcontainers';
    stopServer = async () => {
      await container.stop();
    };
  } else if (await portAnswers('127.0.0.1', 5432)) {
    serverUrl = LOCAL_SERVER;
    source = 'local';
  } else {
    throw new Error(
      'PostgreSQL does not answer on 127.0.0.1:5432, DATABASE_URL is not set and no Docker engine ' +
        'is available: run scripts/postgres.sh start (README, Running the tests).',
    );
  }
  const database = runDatabaseName(run);
  await onServer(serverUrl, async (c) => {
    await c.query(`drop database if exists "${database}" with (force)`);
    await c.query(`create database "${database}"`);
  });
  return {
    databaseUrl: withDatabase(serverUrl, database),
    source,
    stop: async () => {
      if (!process.env.PAXSCREEN_KEEP_TEST_DATA)
        await onServer(serverUrl, (c) => c.query(`drop database if exists "${database}" with (force)`)).catch(
          () => undefined,
        );
      await stopServer();
    },
  };
}

/**
 * This suite's own schema in the run's database (DATABASE_SCHEMA for the apps it starts), and
 * what drops it. Fails with the reason when global setup found no PostgreSQL.
 */
export function testSchema(suite: string): {
  databaseUrl: string;
  schema: string;
  drop: () => Promise<void>;
} {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(process.env.PAXSCREEN_TEST_POSTGRES_ERROR ?? 'no DATABASE_URL for the tests');
  const schema = `s_${suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  return {
    databaseUrl: url,
    schema,
    drop: async () => {
      if (process.env.PAXSCREEN_KEEP_TEST_DATA) return;
      const client = new Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
