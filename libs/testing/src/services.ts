import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';

/**
 * How tests reach Kafka and Redis, in this order:
 * 1. `KAFKA_BROKERS` / `REDIS_URL` from the environment (CI, a developer's stack);
 * 2. testcontainers, when a Docker engine answers;
 * 3. the project's local broker script (`scripts/kafka.sh`, a real KRaft broker from Maven) and the
 *    local Redis on 127.0.0.1:6379.
 */
export interface TestServices {
  kafkaBrokers: string;
  redisUrl: string;
  /** What was started here and must be stopped after the run. */
  stop: () => Promise<void>;
  source: 'environment' | 'testcontainers' | 'local';
}

const ROOT = resolve(__dirname, '../../..');
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';
export const CONFLUENT_KAFKA_IMAGE = 'confluentinc/cp-kafka:7.9.0';
export const REDIS_IMAGE = 'redis:7-alpine';

/** True when something accepts TCP connections on host:port (a broker, a Redis, an app). */
export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** True when a Docker engine answers (testcontainers can start containers). */
export async function dockerAnswers(): Promise<boolean> {
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function withTestcontainers(): Promise<TestServices> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { RedisContainer } = await import('@testcontainers/redis');
  const [kafka, redis] = await Promise.all([
    new KafkaContainer(CONFLUENT_KAFKA_IMAGE).withKraft().start(),
    new RedisContainer(REDIS_IMAGE).start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    redisUrl: redis.getConnectionUrl(),
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([kafka.stop(), redis.stop()]);
    },
  };
}

async function withLocalServices(): Promise<TestServices> {
  const port = Number(process.env.KAFKA_PORT ?? 9092);
  let startedKafka = false;
  if (!(await portAnswers('127.0.0.1', port))) {
    execFileSync(resolve(ROOT, 'scripts/kafka.sh'), ['start'], { stdio: 'inherit', env: process.env });
    startedKafka = true;
  }
  const redisUrl = 'redis://127.0.0.1:6379';
  if (!(await portAnswers('127.0.0.1', 6379))) {
    throw new Error(
      'Redis does not answer on 127.0.0.1:6379 and no Docker engine is available: start redis-server, ' +
        'or set REDIS_URL (see README, Running the tests).',
    );
  }
  return {
    kafkaBrokers: `127.0.0.1:${port}`,
    redisUrl,
    source: 'local',
    stop: async () => {
      if (startedKafka && !process.env.PAXSCREEN_KEEP_KAFKA) {
        execFileSync(resolve(ROOT, 'scripts/kafka.sh'), ['stop'], { stdio: 'inherit' });
      }
    },
  };
}

export async function provideTestServices(): Promise<TestServices> {
  if (process.env.KAFKA_BROKERS && process.env.REDIS_URL) {
    return {
      kafkaBrokers: process.env.KAFKA_BROKERS,
      redisUrl: process.env.REDIS_URL,
      source: 'environment',
      stop: async () => undefined,
    };
  }
  if (await dockerAnswers()) return withTestcontainers();
  return withLocalServices();
}
