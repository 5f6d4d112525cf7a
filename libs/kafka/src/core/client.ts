import {
  type Admin,
  type AdminConfig,
  type Consumer,
  type ConsumerConfig,
  Kafka,
  type KafkaConfig,
  logLevel,
  type LogEntry,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';

import { countRequests, requestClientName } from './request-counts';
import { kafkajsConfig, KafkaSettings } from './settings';

/** A kafkajs client whose producers, consumers and admins count their requests (request-counts). */
class CountingKafka extends Kafka {
  constructor(
    config: KafkaConfig,
    private readonly prefix: string,
  ) {
    super(config);
  }

  override producer(config?: ProducerConfig): Producer {
    const producer = super.producer(config);
    countRequests(
      producer,
      requestClientName('producer', config?.transactionalId ? 'transactional' : undefined),
    );
    return producer;
  }

  override consumer(config: ConsumerConfig): Consumer {
    const consumer = super.consumer(config);
    const group = config.groupId.startsWith(this.prefix)
      ? config.groupId.slice(this.prefix.length)
      : config.groupId;
    countRequests(consumer, requestClientName('consumer', group));
    return consumer;
  }

  override admin(config?: AdminConfig): Admin {
    const admin = super.admin(config);
    countRequests(admin, requestClientName('admin'));
    return admin;
  }
}

export interface KafkaLogSink {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A kafkajs client whose own logs go to the given sink (warnings and errors only). */
export function createKafka(settings: KafkaSettings, clientSuffix = '', sink?: KafkaLogSink): Kafka {
  return new CountingKafka(
    {
      ...kafkajsConfig(settings, clientSuffix),
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ namespace, level, log }: LogEntry) => {
          const { message, ...rest } = log;
          const fields = { kafkajs: namespace, ...rest };
          if (!sink) return;
          // kafkajs logs every error response at ERROR, also the retriable ones it then retries
          // (e.g. "coordinator is loading" while a broker starts): those are warnings for operators.
          const retriedResponse = typeof message === 'string' && message.startsWith('Response ');
          if (level <= logLevel.ERROR && !retriedResponse) sink.error(fields, String(message));
          else sink.warn(fields, String(message));
        },
    },
    settings.prefix,
  );
}

/** True when the cluster answers a metadata request within `timeoutMs`. */
export async function kafkaAnswers(kafka: Kafka, timeoutMs = 2000): Promise<boolean> {
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      admin.connect().then(() => admin.describeCluster()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}
