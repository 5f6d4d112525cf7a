import { execFileSync } from 'node:child_process';

import { dockerAnswers, portAnswers } from './services';

export const RABBITMQ_IMAGE = 'rabbitmq:4-management-alpine';
const LOCAL_URL = 'amqp://guest:guest@127.0.0.1:5672';

export interface TestAmqp {
  url: string;
  source: 'environment' | 'testcontainers' | 'local';
  stop: () => Promise<void>;
}

/**
 * How tests reach an AMQP broker, in the order used for Kafka and Redis (services.ts):
 * 1. `AMQP_URL` from the environment;
 * 2. testcontainers (the official RabbitMQ image), when a Docker engine answers;
 * 3. the local RabbitMQ on 127.0.0.1:5672 (guest/guest), started with `rabbitmq-server -detached`
 *    when it does not answer and the command exists.
 */
export async function provideTestAmqp(): Promise<TestAmqp> {
  if (process.env.AMQP_URL) return { url: process.env.AMQP_URL, source: 'environment', stop: async () => {} };
  if (await dockerAnswers()) {
    const { RabbitMQContainer } = await import('@testcontainers/rabbitmq');
    const container = await new RabbitMQContainer(RABBITMQ_IMAGE).start();
    return {
      url: container.getAmqpUrl(),
      source: 'testcontainers',
      stop: async () => void (await container.stop()),
    };
  }
  if (!(await portAnswers('127.0.0.1', 5672))) {
    try {
      execFileSync('rabbitmq-server', ['-detached'], { stdio: 'ignore' });
    } catch {
      throw new Error('RabbitMQ does not answer on 127.0.0.1:5672: start it, or set AMQP_URL (see README).');
    }
    for (let i = 0; i < 60 && !(await portAnswers('127.0.0.1', 5672)); i++)
      await new Promise((r) => setTimeout(r, 1000));
  }
  return { url: LOCAL_URL, source: 'local', stop: async () => {} };
}
