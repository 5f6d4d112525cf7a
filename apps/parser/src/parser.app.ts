import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ConsumerGroup, loadEnv } from '@paxscreen/contracts';
import { createHttpApp, listen } from '@paxscreen/http';
import { connectBatchConsumer } from '@paxscreen/kafka';

import { ParserModule } from './app.module';
import { ParserEnv } from './parser.env';

/** Builds and starts the parser: raw-message consumer plus /metrics, /health, /ready. */
export async function startParser(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(ParserEnv, env);
  const app = await createHttpApp(ParserModule.register(env));
  connectBatchConsumer(app, {
    groupId: ConsumerGroup.Parser,
    stage: 'parser',
    transactionalId: `paxscreen-parser-${settings.PARSER_INSTANCE_ID}`,
  });
  await app.startAllMicroservices();
  await listen(app, settings.PARSER_PORT);
  return app;
}
