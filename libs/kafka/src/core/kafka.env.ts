import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

import { DEFAULT_REVET_WINDOW_HOURS } from '@paxscreen/contracts';

/** Kafka settings, read from the environment once at start-up (see README, Configuration). */
export class KafkaEnv {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+(,[^,\s]+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated host:port list' })
  KAFKA_BROKERS = '127.0.0.1:9092';
  @IsString() KAFKA_CLIENT_ID = 'paxscreen';
  /** Prefix for every topic and consumer group (tests, shared clusters). */
  @Matches(/^[a-zA-Z0-9._-]*$/) KAFKA_TOPIC_PREFIX = '';
  @IsBoolean() KAFKA_SSL = false;
  @IsOptional() @IsString() KAFKA_SSL_CA_FILE = '';
  @IsIn(['', 'plain', 'scram-sha-256', 'scram-sha-512']) KAFKA_SASL_MECHANISM = '';
  @IsString() KAFKA_SASL_USERNAME = '';
  @IsString() KAFKA_SASL_PASSWORD = '';
  /** Partitions for the partitioned topics; 0 keeps each topic's default. */
  @IsInt() @Min(0) KAFKA_PARTITIONS = 0;
  @IsInt() @Min(1) KAFKA_REPLICATION_FACTOR = 1;
  /** Retention overrides in hours, e.g. `travellers=168,decisions=720` (topic suffix without prefix/version). */
  @Matches(/^([a-z.-]+=-?\d+)?(,[a-z.-]+=-?\d+)*$/) KAFKA_RETENTION_HOURS = '';
  /**
   * Screening's re-vetting window, hours (the same variable): the travellers topic is never kept
   * less (screening rebuilds its index of arrivals from it). Every app reads it, since every app
   * brings the topics' retention in line at start: set it alike everywhere.
   */
  @IsInt() @Min(1) REVET_WINDOW_HOURS = DEFAULT_REVET_WINDOW_HOURS;
  @IsInt() @Min(100) KAFKA_CONNECTION_TIMEOUT_MS = 3000;
  @IsInt() @Min(1000) KAFKA_SESSION_TIMEOUT_MS = 30000;
  /**
   * First back-off of a transactional producer's retries, ms (doubling, up to 10 s, about a minute
   * in all). Its common retry is CONCURRENT_TRANSACTIONS: the next batch's transaction starts while
   * the coordinator still writes the previous one's commit markers (a few ms); the Java client
   * retries that after 20 ms, kafkajs after its client-wide 200 ms.
   */
  @IsInt() @Min(1) KAFKA_TXN_RETRY_MS = 20;
  /**
   * Request/reply paths (iAPI): at most one produce request of the gateway, and one fetch that
   * brings records of screening's iAPI consumer and of reply listeners, every this many ms while
   * traffic is steady (Pace; none held back when idle). 0 (default): no pacing. Fewer Kafka requests
   * per round trip at a steady rate, a few ms more per hop; not yet shown to save CPU on a shared
   * machine (bench/README.md, "Issue 19: iAPI CPU per request").
   */
  @IsInt() @Min(0) KAFKA_PACE_MS = 0;
}
