import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';

import { HealthRegistry, LOGGER, type Logger, Metrics } from '@paxscreen/observability';

import { Topic } from '@paxscreen/contracts';

import { ensureTopics } from '../core/admin';
import { ConsumedRecord, TopicReplayer } from '../core/consumer';
import { ConsumerLagReader } from '../core/lag';
import { ReplyListener } from '../core/reply-listener';
import { createKafka, kafkaAnswers } from '../core/client';
import { EventProducer } from '../core/producer';
import { kafkaRequestCounts } from '../core/request-counts';
import { KafkaSettings, kafkaSettingsFromEnv } from '../core/settings';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './tokens';

/**
 * The app's idempotent producer, connected at start once the topics are there (`KafkaStart`),
 * flushed and closed at shutdown.
 */
@Injectable()
export class KafkaProducer extends EventProducer implements OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(KAFKA_SETTINGS) settings: KafkaSettings,
    @Inject(HealthRegistry) health: HealthRegistry,
    minIntervalMs = 0,
  ) {
    super(kafka, settings, minIntervalMs);
    health.register({ name: 'kafka', check: () => kafkaAnswers(kafka) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.disconnect();
  }
}

/** Builds the readers apps need, so that no app touches kafkajs itself. */
@Injectable()
export class KafkaReaders {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
  ) {}

  /**
   * Reads topics from the beginning (or from `since`, epoch ms), reports when caught up, keeps
   * delivering (compacted state; state kept for a window).
   */
  replayer(
    topics: Topic[],
    onRecords: (records: ConsumedRecord[]) => void | Promise<void>,
    name: string,
    since?: number,
  ): TopicReplayer {
    return new TopicReplayer(this.kafka, this.settings, topics, onRecords, name, since);
  }

  /** Sees every record written to `topic` after it started (request/reply). */
  replyListener(topic: Topic, onRecord: (record: ConsumedRecord) => void, name: string): ReplyListener {
    return new ReplyListener(this.kafka, this.settings, topic, onRecord, name);
  }

  /** Reads consumer-group lag from committed offsets (the operators' dashboard). */
  lagReader(): ConsumerLagReader {
    return new ConsumerLagReader(this.kafka, this.settings);
  }
}

/**
 * The start: topics made, then the producer connected, one after the other. Both connects retry
 * for about a minute (kafkajs, `retryFrom`), and a kafkajs retry cannot be stopped: connected side
 * by side, a start refused because Kafka is down (the admin's retries spent) left the producer's
 * retries and their timer running on for up to a minute after the app had closed.
 */
@Injectable()
class KafkaStart implements OnModuleInit {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
  ) {}

  async onModuleInit(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.settings);
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }
}

export interface KafkaModuleOptions {
  /** Appended to KAFKA_CLIENT_ID, e.g. `gateway`. */
  clientSuffix: string;
  /** The environment to read settings from (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** The app producer sends at most one produce request every KAFKA_PACE_MS (EventProducer, Pace). */
  pacedProducer?: boolean;
}

/** Kafka settings (validated from the environment), client, topics and producer for one app. */
@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    // Read now, when the app's module is registered, not by a provider: a refused setting stops
    // the start before any provider has opened a client (ioredis connects on creation) that the
    // failed build would leave open.
    const settings = kafkaSettingsFromEnv(options.env ?? process.env);
    return {
      module: KafkaModule,
      providers: [
        { provide: KAFKA_SETTINGS, useValue: settings },
        {
          provide: KAFKA_CLIENT,
          inject: [KAFKA_SETTINGS, LOGGER, Metrics],
          useFactory: (settings: KafkaSettings, logger: Logger, metrics: Metrics) => {
            // Requests per client and API on /metrics: what each consumer and producer costs the broker.
            metrics.observeKafkaRequests(kafkaRequestCounts);
            return createKafka(settings, options.clientSuffix, logger.child({ component: 'kafkajs' }));
          },
        },
        {
          provide: KafkaProducer,
          inject: [KAFKA_CLIENT, KAFKA_SETTINGS, HealthRegistry],
          useFactory: (kafka: Kafka, settings: KafkaSettings, health: HealthRegistry) =>
            new KafkaProducer(kafka, settings, health, options.pacedProducer ? settings.paceMs : 0),
        },
        KafkaStart,
        KafkaReaders,
      ],
      exports: [KAFKA_SETTINGS, KAFKA_CLIENT, KafkaProducer, KafkaReaders],
    };
  }
}
