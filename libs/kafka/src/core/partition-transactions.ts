import type { Admin, Kafka, Message, Producer } from 'kafkajs';

import { KafkaSettings, physicalGroup, retryFrom } from './settings';

/** Transactions older than this are aborted by the broker: bounds how long a crash can hold readers. */
export const TRANSACTION_TIMEOUT_MS = 15_000;

/** Broker answers that mean another producer with the same transactional id took over. */
const FENCED_TYPES = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED']);

/** True when `error` (or what it wraps) says this producer was fenced by a newer one. */
export function isFenced(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.type === 'string' && FENCED_TYPES.has(e.type)) return true;
    if (e.name === 'KafkaJSNonRetriableError' && /fenced|epoch/i.test(String(e.message))) return true;
    e = (e.cause ?? e.originalError) as Record<string, unknown> | undefined;
  }
  return false;
}

/** One transaction's work: the produce requests and the consumed offset to commit with them. */
export interface PartitionCommit {
  requests: { topic: string; messages: Message[] }[];
  /** The next offset of the input partition (the last consumed + 1). */
  nextOffset: string;
}

/**
 * Exactly-once consume → produce without KIP-447 (kafkajs has none): one transactional producer
 * per INPUT partition, whose transactional id names the partition, not the instance
 * (`<prefix>.<topic>.<partition>`). Whoever is given the partition creates that producer, and its
 * initialisation bumps the id's epoch: the previous owner (an instance that stalled past its session
 * timeout, a GC pause, SIGSTOP) can no longer commit, and its open transaction is aborted. Only
 * then is the partition's committed offset read again, because the previous owner's last
 * transaction may have committed after this member's consumer fetched its start offset: records
 * below the offset read here were already published and are skipped by the caller.
 *
 * Partitions are independent (own producer, own transaction), so several can commit at once.
 */
export class PartitionTransactions {
  private readonly producers = new Map<string, Producer>();
  private admin?: Admin;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: KafkaSettings,
    /** Shared by every instance of the stage, e.g. `paxscreen-screening`. */
    private readonly idPrefix: string,
    /** The consumer group (physical name) whose offsets the transactions commit. */
    private readonly group: string,
  ) {}

  /** The transactional id of the producer for one input partition (the same on every instance). */
  transactionalId(physicalTopic: string, partition: number): string {
    return physicalGroup(this.settings, `${this.idPrefix}.${physicalTopic}.${partition}`);
  }

  async connect(): Promise<void> {
    this.admin ??= this.kafka.admin();
    await this.admin.connect();
  }

  /** True once this member fenced the partition's previous owner (and nothing spoilt it since). */
  owns(physicalTopic: string, partition: number): boolean {
    return this.producers.has(`${physicalTopic}/${partition}`);
  }

  /**
   * Takes the partition over: a producer under its transactional id (fencing and aborting the
   * previous owner's), then the group's committed offset for it, read after the fence (-1: none).
   */
  async claim(physicalTopic: string, partition: number): Promise<bigint> {
    const key = `${physicalTopic}/${partition}`;
    await this.drop(key);
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      transactionalId: this.transactionalId(physicalTopic, partition),
      transactionTimeout: TRANSACTION_TIMEOUT_MS,
      // A batch's transaction usually begins while the previous one's commit markers are still
      // being written (CONCURRENT_TRANSACTIONS, cleared in ms): retried after KAFKA_TXN_RETRY_MS
      // rather than the client-wide 200 ms, which every busy partition paid once per batch.
      retry: retryFrom(this.settings.transactionRetryMs),
    });
    await producer.connect();
    // kafkajs initialises the transactional producer id (InitProducerId: the fence, which also
    // aborts or completes the previous owner's open transaction) at the first transaction, not at
    // connect: one begun and abandoned here (nothing was added to it, so nothing goes to the broker).
    await (await producer.transaction()).abort();
    this.producers.set(key, producer);
    const [offsets] = await this.admin!.fetchOffsets({ groupId: this.group, topics: [physicalTopic] });
    const committed = offsets?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    return BigInt(committed);
  }

  /** Publishes the requests and commits the input offset, in one transaction on the partition's producer. */
  async commit(physicalTopic: string, partition: number, work: PartitionCommit): Promise<void> {
    const producer = this.producers.get(`${physicalTopic}/${partition}`);
    if (!producer) throw new Error(`partition ${physicalTopic}/${partition} not claimed`);
    const transaction = await producer.transaction();
    try {
      for (const request of work.requests) await transaction.send({ ...request, acks: -1 });
      await transaction.sendOffsets({
        consumerGroupId: this.group,
        topics: [{ topic: physicalTopic, partitions: [{ partition, offset: work.nextOffset }] }],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Forgets the partition's producer (after a failed transaction kafkajs' state refuses every later
   * one; or the partition went to another member). The next `claim` starts clean.
   */
  async drop(key: string): Promise<void> {
    const producer = this.producers.get(key);
    if (!producer) return;
    this.producers.delete(key);
    await producer.disconnect().catch(() => undefined);
  }

  /** Drops the producers of partitions not in `assignment` (physical topic → partitions). */
  async keepOnly(assignment: Record<string, number[]>): Promise<void> {
    for (const key of [...this.producers.keys()]) {
      const at = key.lastIndexOf('/');
      if (!(assignment[key.slice(0, at)] ?? []).includes(Number(key.slice(at + 1)))) await this.drop(key);
    }
  }

  async disconnect(): Promise<void> {
    for (const key of [...this.producers.keys()]) await this.drop(key);
    await this.admin?.disconnect();
  }
}
