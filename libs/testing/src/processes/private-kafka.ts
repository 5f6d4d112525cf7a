import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Kafka, logLevel } from 'kafkajs';

import { portAnswers } from '../services';
import { killOnExit } from './exit';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..', '..', '..');
/**
 * Ports of brokers other people use (the default dev broker, CI's broker and its controller): a
 * private broker never takes them. The chaos run's default (29092) and the benchmarks' ports are
 * each one's own private broker, kept apart by their defaults and BENCH_PORT_OFFSET.
 */
const SHARED_PORTS = new Set([9092, 19092, 19093]);
const SCRIPT_TIMEOUT_MS = 300_000;

export interface PrivateKafkaOptions {
  port: number;
  /** The broker's own data directory, wiped by `fresh()`. */
  dataDir: string;
  /** JVM heap (KAFKA_HEAP). */
  heap: string;
  /** How long scripts/kafka.sh waits for the broker to answer (KAFKA_START_TIMEOUT, seconds). */
  startTimeoutSeconds?: number;
  /** One transaction and one group join after each start (see `warmUp`). */
  warmUp?: boolean;
  log?: (line: string) => void;
}

/**
 * A private single-node KRaft broker through `scripts/kafka.sh`, on its own port and data
 * directory, never a shared one; killed when this process exits. Used by the benchmarks and the
 * chaos run.
 */
export class PrivateKafka {
  readonly port: number;
  readonly dataDir: string;
  /** The broker this object started and has not stopped: the only one it kills on exit. */
  private running?: number;

  constructor(private readonly options: PrivateKafkaOptions) {
    this.port = options.port;
    this.dataDir = options.dataDir;
    // A run that ends without its clean stop (an error, a signal) still takes the broker down.
    killOnExit(() => {
      if (this.running) process.kill(this.running, 'SIGKILL');
    });
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The broker's pid (for its resident size and CPU), while it runs. */
  get pid(): number | undefined {
    try {
      return Number(readFileSync(join(this.dataDir, 'kafka.pid'), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_DATA_DIR: this.dataDir,
      KAFKA_HEAP: this.options.heap,
      ...(this.options.startTimeoutSeconds
        ? { KAFKA_START_TIMEOUT: String(this.options.startTimeoutSeconds) }
        : {}),
    };
  }

  private async script(command: 'start' | 'stop' | 'clean'): Promise<void> {
    try {
      await run(join(REPO, 'scripts/kafka.sh'), [command], { env: this.env(), timeout: SCRIPT_TIMEOUT_MS });
    } catch (err) {
      const e = err as { stderr?: string; signal?: string; message: string };
      throw new Error(
        `kafka.sh ${command} failed (${e.signal ?? 'exit'}): ${e.stderr?.trim() || e.message}`,
        { cause: err },
      );
    }
  }

  /** An empty broker: a leftover of an interrupted run on this port is stopped and its data removed. */
  async fresh(): Promise<void> {
    if (SHARED_PORTS.has(this.port)) throw new Error(`refusing to use the shared broker port ${this.port}`);
    await this.script('clean');
    if (await portAnswers('127.0.0.1', this.port))
      throw new Error(`port ${this.port} is taken by another process`);
    await this.start();
  }

  async start(): Promise<void> {
    const began = Date.now();
    await this.script('start');
    this.running = this.pid;
    if (this.options.warmUp) await this.warmUp();
    this.options.log?.(`kafka up on ${this.brokers} in ${Date.now() - began} ms`);
  }

  /** A clean stop (SIGTERM, controlled shutdown), as an operator's restart does. */
  async stop(): Promise<void> {
    await this.script('stop');
    this.running = undefined;
  }

  /** Stops the broker, keeps its logs in `logDir` when given, removes its data. */
  async clean(logDir?: string): Promise<void> {
    await this.stop().catch(() => undefined);
    if (logDir)
      for (const name of ['server.log', 'stdout.log'])
        if (existsSync(join(this.dataDir, 'logs', name)))
          copyFileSync(join(this.dataDir, 'logs', name), join(logDir, `kafka-${name}`));
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** `clean` without logs, synchronously (the end of a run that must not await). */
  cleanSync(): void {
    this.running = undefined;
    try {
      execFileSync(join(REPO, 'scripts', 'kafka.sh'), ['clean'], { env: this.env(), stdio: 'ignore' });
    } catch {
      // already gone
    }
  }

  /**
   * A fresh broker creates __transaction_state (50 partitions) and __consumer_offsets on first use,
   * which takes a while on a busy machine; until then transactional producers are refused. One
   * transaction and one group join here, so that the services start against a broker in service.
   */
  private async warmUp(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'private-kafka-warm-up',
      brokers: [this.brokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 30, initialRetryTime: 300, maxRetryTime: 3000 },
    });
    const topic = 'private-kafka.warm-up';
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({
      transactionalId: 'private-kafka-warm-up',
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({ topic, messages: [{ value: 'x' }] });
    await tx.commit();
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'private-kafka-warm-up' });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => void consumer.run({ eachMessage: async () => resolve() }));
    await consumer.disconnect();
  }
}
