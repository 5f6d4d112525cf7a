import { randomBytes } from 'node:crypto';

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
  globalThis.__PAXSCREEN_TEST_SERVICES__ = services;
  process.stderr.write(
    `\npaxscreen e2e: Kafka ${services.kafkaBrokers}, Redis ${services.redisUrl} (${services.source}), run ${process.env.PAXSCREEN_TEST_RUN}\n`,
  );
}
