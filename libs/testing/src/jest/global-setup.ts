import { randomBytes } from 'node:crypto';

import { provideTestPostgres } from '../postgres';
import { provideTestServices } from '../services';

declare global {
  var __PAXSCREEN_TEST_SERVICES__: { stop: () => Promise<void> } | undefined;
}

/** Runs once per e2e run: attaches or starts Kafka and Redis, and picks this run's prefix. */
export default async function globalSetup(): Promise<void> {
  const services = await provideTestServices();
  process.env.KAFKA_BROKERS = services.kafkaBrokers;
  process.env.REDIS_URL = services.redisUrl;
  process.env.PAXSCREEN_TEST_RUN =
    process.env.PAXSCREEN_TEST_RUN ?? `t${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  // PostgreSQL: this run's own database. Suites that need none still run when no server is found;
  // those that do fail with the reason (testSchema()).
  let postgres: { stop: () => Promise<void> } | undefined;
  let postgresNote: string;
  try {
    const pg = await provideTestPostgres(process.env.PAXSCREEN_TEST_RUN);
    process.env.DATABASE_URL = pg.databaseUrl;
    postgres = pg;
    postgresNote = `PostgreSQL ${new URL(pg.databaseUrl).host}${new URL(pg.databaseUrl).pathname} (${pg.source})`;
  } catch (err) {
    delete process.env.DATABASE_URL;
    process.env.PAXSCREEN_TEST_POSTGRES_ERROR = (err as Error).message;
    postgresNote = `no PostgreSQL: ${(err as Error).message}`;
  }
  globalThis.__PAXSCREEN_TEST_SERVICES__ = {
    stop: async () => {
      await postgres?.stop();
      await services.stop();
    },
  };
  process.stderr.write(
    `\npaxscreen e2e: Kafka ${services.kafkaBrokers}, Redis ${services.redisUrl} (${services.source}), ${postgresNote}, run ${process.env.PAXSCREEN_TEST_RUN}\n`,
  );
}
