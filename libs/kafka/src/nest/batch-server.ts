import type { INestApplication } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';

import { DeadLetter, envelope, Header, Topic } from '@paxscreen/contracts';
import { LOGGER, type Logger, Metrics } from '@paxscreen/observability';

import { BatchConsumer, ConsumedRecord } from '../core/consumer';
import { EventProducer } from '../core/producer';
import { KafkaSettings } from '../core/settings';
import { KafkaProducer } from './kafka.module';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './tokens';

export interface KafkaBatchServerOptions {
  kafka: Kafka;
  settings: KafkaSettings;
  /** Used to dead-letter records that fail every attempt. */
  producer: EventProducer;
  groupId: string;
  stage: DeadLetter.DeadLetterStage;
  logger: Logger;
  metrics?: Metrics;
  fromBeginning?: boolean;
  maxRecords?: number;
}

/** The context handed to `@EventPattern` handlers next to the batch. */
export class KafkaBatchContext {
  constructor(readonly topic: Topic) {}
}

/**
 * A NestJS transport over kafkajs consumer groups that hands `@EventPattern(Topic.X)` handlers a
 * whole batch (`ConsumedRecord[]`) and commits offsets only after the handler resolved (its output
 * is durable). Records that fail every attempt are dead-lettered with their original bytes.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private consumer?: BatchConsumer;

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    const topics = [...this.messageHandlers.keys()] as Topic[];
    const { kafka, settings, groupId, logger, metrics } = this.options;
    this.consumer = new BatchConsumer(
      kafka,
      settings,
      {
        groupId,
        topics,
        fromBeginning: this.options.fromBeginning ?? true,
        maxRecords: this.options.maxRecords,
        onPoison: (record, error) => this.deadLetter(record, error),
        onError: (error, attempt) =>
          logger.warn({ err: error, attempt, groupId }, 'batch handler failed; retrying'),
        onBatch: (s) =>
          metrics?.consumerLag.set({ group: groupId, topic: s.topic, partition: String(s.partition) }, s.lag),
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

  private async dispatch(records: ConsumedRecord[]): Promise<void> {
    const topic = records[0].topic;
    const handler = this.getHandlerByPattern(topic);
    if (!handler) throw new Error(`no handler for ${topic}`);
    const result = await handler(records, new KafkaBatchContext(topic));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private async deadLetter(record: ConsumedRecord, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const value: DeadLetter.Value = {
      ...envelope(record.headers[Header.ReceiptId] ?? `${record.topic}/${record.partition}/${record.offset}`),
      stage: this.options.stage,
      code: 'HANDLER_FAILED',
      message,
      sourceTopic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key: record.key ?? undefined,
      headers: record.headers,
      payloadBase64: record.value ? record.value.toString('base64') : '',
    };
    await this.options.producer.send(Topic.DeadLetter, [
      { key: record.key ?? '', value, headers: record.headers },
    ]);
    this.options.metrics?.deadLetters.inc({ stage: this.options.stage, code: 'HANDLER_FAILED' });
    this.options.logger.error(
      { topic: record.topic, partition: record.partition, offset: record.offset },
      'record dead-lettered after every attempt failed',
    );
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
  options: Pick<KafkaBatchServerOptions, 'groupId' | 'stage' | 'fromBeginning' | 'maxRecords'>,
): KafkaBatchServer {
  const server = new KafkaBatchServer({
    ...options,
    kafka: app.get<Kafka>(KAFKA_CLIENT),
    settings: app.get<KafkaSettings>(KAFKA_SETTINGS),
    producer: app.get(KafkaProducer),
    logger: app.get<Logger>(LOGGER).child({ component: 'consumer', group: options.groupId }),
    metrics: app.get(Metrics),
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
