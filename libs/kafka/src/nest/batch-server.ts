import type { INestApplication } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';

import { DeadLetter, Header, Topic } from '@paxscreen/contracts';
import { LOGGER, type Logger, Metrics, traceIdOf } from '@paxscreen/observability';

import { BatchConsumer, BatchConsumerOptions, ConsumedRecord, OutputBatch } from '../core/consumer';
import { KafkaSettings } from '../core/settings';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './tokens';

/** BatchConsumer settings the server passes through unchanged (documented there). */
type ConsumerSettings = Pick<
  BatchConsumerOptions,
  | 'maxRecords'
  | 'transactionalIdPrefix'
  | 'maxWaitTimeInMs'
  | 'fetchIntervalMs'
  | 'partitionsConsumedConcurrently'
  | 'commitIntervalMs'
  | 'isTransient'
  | 'onDeadLetter'
>;

export interface KafkaBatchServerOptions extends ConsumerSettings {
  kafka: Kafka;
  settings: KafkaSettings;
  groupId: string;
  stage: DeadLetter.DeadLetterStage;
  logger: Logger;
  metrics?: Metrics;
  fromBeginning?: boolean;
  /**
   * Handlers declared `@EventPattern(topic, transport)` with this symbol belong to this server only;
   * an app with two consumer groups gives each its own symbol.
   */
  transport?: symbol;
}

/** The context handed to `@EventPattern` handlers next to the batch. */
export class KafkaBatchContext {
  constructor(readonly topic: Topic) {}
}

/**
 * A NestJS transport over kafkajs consumer groups. `@EventPattern(Topic.X)` handlers receive a whole
 * batch (`ConsumedRecord[]`) and return what to publish (`OutputBatch[]`); the batch's offsets are
 * committed with those outputs (one transaction) or right after they are acknowledged. Records
 * that fail every attempt, or whose outputs the broker refuses, are dead-lettered with their
 * original bytes (`onDeadLetter` is told first), so no record ever holds up its partition.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private consumer?: BatchConsumer;

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
    if (options.transport) this.transportId = options.transport;
  }

  /** Partitions of `topic` this instance owns (after the group's last rebalance). */
  assignedPartitions(topic: Topic): number[] {
    return this.consumer?.assignedPartitions(topic) ?? [];
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    const topics = [...this.messageHandlers.keys()] as Topic[];
    // What remains after these is ConsumerSettings, handed to the consumer as it is.
    const {
      kafka,
      settings,
      groupId,
      logger,
      metrics,
      stage,
      fromBeginning,
      transport: _,
      ...consumerSettings
    } = this.options;
    this.consumer = new BatchConsumer(
      kafka,
      settings,
      {
        ...consumerSettings,
        groupId,
        topics,
        fromBeginning: fromBeginning ?? true,
        stage,
        onDeadLetter: async (record, reason) => {
          metrics?.deadLetters.inc({ stage, code: reason.code });
          logger.error(
            {
              topic: record.topic,
              partition: record.partition,
              offset: record.offset,
              code: reason.code,
              traceId: traceIdOf(record.headers[Header.TraceParent]),
            },
            'record dead-lettered',
          );
          await consumerSettings.onDeadLetter?.(record, reason);
        },
        onError: (error, attempt) => logger.warn({ err: error, attempt, groupId }, 'batch failed; retrying'),
        onRestart: (error) =>
          logger.error({ err: error, groupId }, 'consumer stopped by kafkajs; starting it again'),
        onBatch: (s) => {
          metrics?.consumerLag.set({ group: groupId, topic: s.topic, partition: String(s.partition) }, s.lag);
          metrics?.observeBatchWaits(groupId, s.waits);
          // Per batch (LOG_LEVEL=debug; summed in paxscreen_batch_wait_seconds): where its latency
          // went (bench/README.md, issue 19).
          logger.debug(
            { groupId, topic: s.topic, partition: s.partition, records: s.records, lag: s.lag, ...s.waits },
            'batch committed',
          );
        },
      },
      (records) => this.dispatch(records),
    );
    try {
      await this.consumer.start();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async dispatch(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const topic = records[0].topic;
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    const result = await handler(records, new KafkaBatchContext(topic));
    const outputs = await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    return (outputs as OutputBatch[] | undefined) ?? [];
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaBatchServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer?.raw as T;
  }
}

/**
 * Attaches a KafkaBatchServer to an app: its `@EventPattern(Topic.X)` handlers consume in the
 * given consumer group. Call before `app.startAllMicroservices()`.
 */
export function connectBatchConsumer(
  app: INestApplication,
  options: Omit<KafkaBatchServerOptions, 'kafka' | 'settings' | 'logger' | 'metrics'>,
): KafkaBatchServer {
  const server = new KafkaBatchServer({
    ...options,
    kafka: app.get<Kafka>(KAFKA_CLIENT),
    settings: app.get<KafkaSettings>(KAFKA_SETTINGS),
    logger: app.get<Logger>(LOGGER).child({ component: 'consumer', group: options.groupId }),
    metrics: app.get(Metrics),
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
