import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { closeOnFailure, createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';
import { isPostgresUnavailable } from '@paxscreen/postgres';

import { ParserModule } from './app.module';
import { ParseMessageUseCase } from './parse-message';
import { ParserEnv } from './parser.env';

/** Builds and starts the parser: raw-message consumer plus /metrics, /health, /ready. */
export async function startParser(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(ParserEnv, env);
  const app = await createHttpApp(ParserModule.register(env), { env });
  return closeOnFailure(app, async () => {
    // Listening initialises the modules first (topics created, Kafka and PostgreSQL connected); only then
    // does the consumer join its group.
    await listen(app, settings.PARSER_PORT);
    connectBatchConsumer(app, {
      groupId: ConsumerGroup.Parser,
      stage: 'parser',
      // One transactional id per input partition, the same on every instance: the instance given a
      // partition fences its previous owner (kafkajs has no KIP-447; libs/kafka PartitionTransactions).
      transactionalIdPrefix: 'paxscreen-parser',
      // A store down is not a bad message: wait for it rather than dead-letter the manifest
      // (receipts, the PNR vault, manifest versions and parts waiting for their set: PostgreSQL).
      isTransient: isPostgresUnavailable,
      onDeadLetter: (record, reason) => app.get(ParseMessageUseCase).deadLettered(record, reason),
    });
    await app.startAllMicroservices();
  });
}
