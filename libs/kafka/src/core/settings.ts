import { readFileSync } from 'node:fs';

import { loadEnv, Topic, TOPIC_SPECS, TopicSpec, topicName } from '@paxscreen/contracts';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

import { KafkaEnv } from './kafka.env';

export interface KafkaSettings {
  readonly brokers: string[];
  readonly clientId: string;
  readonly prefix: string;
  readonly ssl: boolean | { ca: string[] };
  readonly sasl?: SASLOptions;
  readonly replicationFactor: number;
  readonly topics: readonly TopicSpec[];
  readonly connectionTimeoutMs: number;
  readonly sessionTimeoutMs: number;
  /** First back-off of transactional producers' retries, ms (KAFKA_TXN_RETRY_MS). */
  readonly transactionRetryMs: number;
  /** Shortest time between two requests of a paced client, ms (KAFKA_PACE_MS, Pace). */
  readonly paceMs: number;
}

const HOUR_MS = 60 * 60 * 1000;

/** `paxscreen.travellers.v2` → `travellers`: the short name used in KAFKA_RETENTION_HOURS. */
export function shortTopicName(topic: Topic): string {
  return topic.replace(/^paxscreen\./, '').replace(/\.v\d+$/, '');
}

function topicSpecs(env: KafkaEnv): TopicSpec[] {
  const retention = new Map<string, number>();
  for (const pair of env.KAFKA_RETENTION_HOURS.split(',').filter(Boolean)) {
    const [name, hours] = pair.split('=');
    retention.set(name, Number(hours));
  }
  const unknown = [...retention.keys()].filter(
    (n) => !TOPIC_SPECS.some((s) => shortTopicName(s.topic) === n),
  );
  if (unknown.length) throw new Error(`KAFKA_RETENTION_HOURS names unknown topics: ${unknown.join(', ')}`);
  const specs = TOPIC_SPECS.map((spec) => {
    const hours = retention.get(shortTopicName(spec.topic));
    return {
      ...spec,
      partitions: env.KAFKA_PARTITIONS > 0 && spec.partitions > 1 ? env.KAFKA_PARTITIONS : spec.partitions,
      retentionMs: hours === undefined ? spec.retentionMs : hours < 0 ? -1 : hours * HOUR_MS,
    };
  });
  // Every app brings the topics' retention in line with its own settings at start (ensureTopics):
  // one app's short override would cut what another reads, so each refuses it.
  const tooShort = specs.flatMap(({ topic, retentionMs, minRetention }) => {
    if (!minRetention || retentionMs < 0) return [];
    const { setting, why } = minRetention;
    const floor = env[setting];
    if (retentionMs >= floor * HOUR_MS) return [];
    const name = shortTopicName(topic);
    return [
      `${name} is kept ${retentionMs / HOUR_MS} h, less than ${setting} (${floor} h; ${why}): ` +
        `set ${name}=${floor} or more, or a shorter ${setting}, in every app`,
    ];
  });
  if (tooShort.length) throw new Error(`KAFKA_RETENTION_HOURS: ${tooShort.join('; ')}`);
  return specs;
}

export function kafkaSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const e = loadEnv(KafkaEnv, env);
  const sasl = e.KAFKA_SASL_MECHANISM
    ? ({
        mechanism: e.KAFKA_SASL_MECHANISM,
        username: e.KAFKA_SASL_USERNAME,
        password: e.KAFKA_SASL_PASSWORD,
      } as SASLOptions)
    : undefined;
  return {
    brokers: e.KAFKA_BROKERS.split(','),
    clientId: e.KAFKA_CLIENT_ID,
    prefix: e.KAFKA_TOPIC_PREFIX,
    ssl: e.KAFKA_SSL
      ? e.KAFKA_SSL_CA_FILE
        ? { ca: [readFileSync(e.KAFKA_SSL_CA_FILE, 'utf8')] }
        : true
      : false,
    sasl,
    replicationFactor: e.KAFKA_REPLICATION_FACTOR,
    topics: topicSpecs(e),
    connectionTimeoutMs: e.KAFKA_CONNECTION_TIMEOUT_MS,
    sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
    transactionRetryMs: e.KAFKA_TXN_RETRY_MS,
    paceMs: e.KAFKA_PACE_MS,
  };
}

/** Physical topic / group names for one deployment (prefix applied). */
/** Partitions of a topic as these settings create it (1 when the settings do not name it). */
export function partitionsOf(settings: Pick<KafkaSettings, 'topics'>, topic: Topic): number {
  return settings.topics.find((t) => t.topic === topic)?.partitions ?? 1;
}

export function physicalTopic(settings: Pick<KafkaSettings, 'prefix'>, topic: Topic): string {
  return topicName(topic, settings.prefix);
}

export function physicalGroup(settings: Pick<KafkaSettings, 'prefix'>, group: string): string {
  return `${settings.prefix}${group}`;
}

/** Longest single back-off of any retry, ms. */
const MAX_RETRY_MS = 10_000;
/** What the client-wide retries add up to (200 ms doubling, 10 retries): about a minute. */
const RETRY_BUDGET_MS = 50_000;

/**
 * kafkajs retry options starting at `initialMs` and doubling up to 10 s, with as many retries as
 * it takes for their back-offs to add up to the client-wide budget (about a minute): a short first
 * back-off for a condition that clears in milliseconds (CONCURRENT_TRANSACTIONS), without giving
 * up sooner on a broker that is really gone.
 */
export function retryFrom(initialMs: number): {
  initialRetryTime: number;
  retries: number;
  maxRetryTime: number;
} {
  let retries = 0;
  for (
    let total = 0, wait = initialMs;
    total < RETRY_BUDGET_MS;
    retries++, wait = Math.min(MAX_RETRY_MS, wait * 2)
  )
    total += wait;
  return { initialRetryTime: initialMs, retries, maxRetryTime: MAX_RETRY_MS };
}

export function kafkajsConfig(settings: KafkaSettings, clientSuffix = ''): KafkaConfig {
  return {
    brokers: settings.brokers,
    clientId: clientSuffix ? `${settings.clientId}-${clientSuffix}` : settings.clientId,
    ssl: settings.ssl,
    sasl: settings.sasl,
    connectionTimeout: settings.connectionTimeoutMs,
    retry: retryFrom(200),
  };
}
