import { randomUUID } from 'node:crypto';

import { DeadLetter, maxMessageBytes, Topic } from '@paxscreen/contracts';
import type { Consumer, ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage, Message } from 'kafkajs';

import { DeadLetterReason, deadLetterOutput, deadLetterReference } from './dead-letter';
import {
  chunkBySize,
  EventProducer,
  firstTooLarge,
  isRecordRefused,
  RecordTooLargeError,
  type TopicMessages,
  toTopicMessages,
} from './producer';
import { Pace } from './pace';
import type { ConsumedRecord, OutputBatch } from './records';
import { isFenced, PartitionTransactions } from './partition-transactions';
import { KafkaSettings, physicalGroup, physicalTopic } from './settings';

export type { ConsumedRecord, OutputBatch } from './records';

/**
 * Processes a batch. Contract: make side effects idempotent (Redis writes by key), return the
 * records to publish, and deal with bad records yourself (return a dead-letter record for them).
 * Throwing means "try again": the consumer retries, then isolates the failing record and turns it
 * into a dead letter (HANDLER_FAILED).
 */
export type BatchHandler = (records: ConsumedRecord[]) => Promise<OutputBatch[] | void>;

export interface BatchStats {
  topic: Topic;
  partition: number;
  records: number;
  /** Records behind the high watermark after this batch. */
  lag: number;
  millis: number;
  /**
   * Where the batch's time went, ms: from its first record's timestamp (when it was produced) to
   * the batch reaching the handler (the producer's commit, the fetch, batches before it); from
   * then to its handling (earlier parts of the fetch, over `maxRecords`); handling; from the end
   * of handling to its commit.
   */
  waits: { fetched: number; queued: number; handled: number; committed: number };
}

export interface BatchConsumerOptions {
  groupId: string;
  topics: Topic[];
  fromBeginning?: boolean;
  /** Attempts per batch (and then per record) before a record is declared poison. */
  attempts?: number;
  /** Named on the dead letters this consumer writes for records it could not get through. */
  stage: DeadLetter.DeadLetterStage;
  /**
   * Told before the consumer writes a dead letter in a record's stead (the handler failed on every
   * attempt, or the broker refused the record's outputs): e.g. to mark the carrier's receipt
   * REJECTED. Retried while it fails for an unavailable dependency (`isTransient`).
   */
  onDeadLetter?: (record: ConsumedRecord, reason: DeadLetterReason) => Promise<void> | void;
  onBatch?: (stats: BatchStats) => void;
  onError?: (error: unknown, attempt: number) => void;
  /** Largest number of records handed to the handler at once. */
  maxRecords?: number;
  sessionTimeoutMs?: number;
  /**
   * Longest time the broker holds a fetch that found nothing (kafkajs `maxWaitTimeInMs`; default
   * 50). A fetch returns as soon as a record arrives, but kafkajs fetches again only after the
   * previous fetch returned: a latency-sensitive consumer (request/reply) sets it low.
   */
  maxWaitTimeInMs?: number;
  /**
   * At least this many ms from the start of a fetch that brought records to the start of the next
   * (Pace; 0, the default: none): at a steady rate what arrives meanwhile comes in one fetch and
   * its outputs in one produce request, instead of a fetch and a produce each; a record arriving
   * alone is fetched at once. For request/reply consumers, whose fetch wait is kept short otherwise.
   */
  fetchIntervalMs?: number;
  /**
   * Partitions whose batches are handled at the same time (kafkajs `partitionsConsumedConcurrently`;
   * default 1). Transactional mode too: each input partition has its own producer and transaction,
   * so one partition's commit round trips overlap another's handling.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * At-least-once only: commit offsets at most this often, in the background, instead of after
   * every batch (one broker round trip less between a fetch and the next). Outputs are still
   * acknowledged before their offsets are committed; a crash re-delivers up to this many ms of
   * records already published, so their outputs must be deterministic (same ids).
   */
  commitIntervalMs?: number;
  /**
   * Exactly-once consume → produce: outputs and the consumed offsets are committed in one Kafka
   * transaction by a producer per input partition, transactional id `<prefix>.<topic>.<partition>`
   * (PartitionTransactions). The prefix names the stage, NOT the instance: every instance of the
   * stage must use the same one, so that whoever is given a partition fences its previous owner.
   * Without it: at-least-once (outputs acked, then offsets).
   */
  transactionalIdPrefix?: string;
  /**
   * Errors that mean "a dependency is unavailable" (Redis down or restarting, ...), not "this record
   * is bad": the batch waits and is tried again until the dependency is back; it is never
   * dead-lettered for them. kafkajs errors marked retriable always count as such.
   */
  isTransient?: (error: unknown) => boolean;
  /** kafkajs gave up on the consumer after this error; it is being started again. */
  onRestart?: (error: unknown) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries a metadata call while a freshly created topic elects its leaders (up to `budgetMs`). */
export async function withRetries<T>(call: () => Promise<T>, budgetMs = 30_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (Date.now() >= deadline || (err as { retriable?: boolean }).retriable === false) throw err;
      await sleep(Math.min(1000, 50 * attempt));
    }
  }
}

export function headersOf(message: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? String(v[0]) : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
  }
  return out;
}

export function toConsumed(topic: Topic, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: headersOf(message),
    timestamp: Number(message.timestamp),
  };
}

/** Pause before a consumer that kafkajs gave up on is started again, ms. */
const RERUN_DELAY_MS = 2000;

/**
 * Runs a kafkajs consumer and keeps it running. kafkajs restarts a crashed consumer only after a
 * retriable error and gives up after the others (e.g. "Failed to find group coordinator" while a
 * broker restarts), leaving a live process that consumes nothing; those are started again here.
 * Returns what stops the watch (call it before disconnecting).
 */
export async function runKeptAlive(
  consumer: Consumer,
  config: ConsumerRunConfig,
  onRestart?: (error: unknown) => void,
): Promise<() => void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const rerun = async () => {
    if (stopped) return;
    try {
      await consumer.connect();
      await consumer.run(config);
    } catch (err) {
      onRestart?.(err);
      timer = setTimeout(() => void rerun(), RERUN_DELAY_MS);
    }
  };
  // CRASH comes after kafkajs has stopped and disconnected the consumer: run() may start it anew.
  consumer.on(consumer.events.CRASH, (e) => {
    if (e.payload.restart || stopped) return;
    onRestart?.(e.payload.error);
    timer = setTimeout(() => void rerun(), RERUN_DELAY_MS);
  });
  await consumer.run(config);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function logicalTopic(settings: KafkaSettings, physical: string): Topic {
  return physical.slice(settings.prefix.length) as Topic;
}

/**
 * kafkajs fetch sizes for a consumer of `topics`: at least `perPartition` bytes per partition, and
 * never less than the largest record those topics accept (the broker returns a record larger than
 * the limit alone, but a limit that fits it keeps a large record from being a fetch of its own).
 */
export function fetchSizes(
  topics: Topic[],
  perPartition = 1024 * 1024,
): { maxBytesPerPartition: number; maxBytes: number } {
  const maxBytesPerPartition = Math.max(perPartition, ...topics.map(maxMessageBytes));
  // kafkajs' default for a whole fetch response is 10 MiB.
  return { maxBytesPerPartition, maxBytes: Math.max(10 * 1024 * 1024, maxBytesPerPartition) };
}

/** Longest pause between two tries while a dependency is unavailable, ms. */
const MAX_TRANSIENT_BACKOFF_MS = 2000;

/**
 * Thrown out of a batch that could not be committed. kafkajs restarts a consumer only after a
 * retriable error (any other leaves the process running without consuming), so it is marked so;
 * the original error is kept as `reason`, not `cause` (kafkajs judges the innermost `cause`).
 */
export class BatchNotCommittedError extends Error {
  readonly retriable = true;

  constructor(readonly reason: unknown) {
    super(`batch not committed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'BatchNotCommittedError';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The dead-letter reason for a record whose outputs the broker refused. */
function refusedReason(stage: DeadLetter.DeadLetterStage, error: unknown): DeadLetterReason {
  const tooLarge =
    error instanceof RecordTooLargeError ||
    ['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE'].includes(String((error as { type?: unknown })?.type));
  return {
    stage,
    code: tooLarge ? 'OUTPUT_TOO_LARGE' : 'OUTPUT_REFUSED',
    message: `what this record would publish was refused: ${errorText(error)}`,
  };
}

/** The handler failed on every attempt; the last error. */
class Failed {
  constructor(readonly error: unknown) {}
}

/** The broker refuses (or would refuse) the records to publish: nothing was committed. */
class Refused {
  constructor(readonly error: unknown) {}
}

/** The batch's partition was taken away or the consumer is stopping: leave without committing. */
const STOPPED = Symbol('stopped');

interface BatchControl {
  heartbeat: () => Promise<void>;
  active: () => boolean;
}

/**
 * A consumer-group member that commits a batch's offsets only together with (transactional) or
 * after (at-least-once) the batch's outputs are durably written.
 */
export class BatchConsumer {
  private readonly consumer: Consumer;
  /** One transactional producer per input partition (transactional mode). */
  private readonly transactions?: PartitionTransactions;
  /** The idempotent producer whose requests concurrent batches share (at-least-once mode). */
  private readonly events?: EventProducer;
  private readonly attempts: number;
  private readonly maxRecords: number;
  private readonly transactional: boolean;
  private readonly group: string;
  /** Fetches that bring records, at most one per `fetchIntervalMs`. */
  private readonly pace: Pace;

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly options: BatchConsumerOptions,
    private readonly handler: BatchHandler,
  ) {
    this.attempts = options.attempts ?? 5;
    this.maxRecords = options.maxRecords ?? 2000;
    this.transactional = options.transactionalIdPrefix !== undefined;
    this.group = physicalGroup(settings, options.groupId);
    this.pace = new Pace(options.fetchIntervalMs ?? 0);
    this.consumer = kafka.consumer({
      groupId: this.group,
      sessionTimeout: options.sessionTimeoutMs ?? settings.sessionTimeoutMs,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
      ...fetchSizes(options.topics, 4 * 1024 * 1024),
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 50,
      // Only committed transactional output is read (kafkajs default, stated for the invariant).
      readUncommitted: false,
    });
    if (options.transactionalIdPrefix !== undefined)
      this.transactions = new PartitionTransactions(
        kafka,
        settings,
        options.transactionalIdPrefix,
        this.group,
      );
    else this.events = new EventProducer(kafka, settings);
  }

  private isTransient(error: unknown): boolean {
    return (
      (error as { retriable?: unknown } | undefined)?.retriable === true ||
      (this.options.isTransient?.(error) ?? false)
    );
  }

  private assignment: Record<string, number[]> = {};
  /**
   * Per `topic/partition`: the offset after the last batch committed, by this instance or (read
   * when the partition is claimed, transactional mode) by its previous owner. kafkajs has no
   * KIP-447 fencing: a member dropped from the group mid-batch (a missed session timeout) rejoins,
   * fetches from the committed offset while its earlier batch is still committing, and would
   * publish that batch's outputs twice. Records below this mark were already committed and are
   * skipped; a partition's commits run one at a time so the mark is current when the next one is
   * decided.
   */
  private readonly committedUpTo = new Map<string, bigint>();
  /** Commits in progress, one per partition (partitions publish and commit independently). */
  private readonly commitLocks = new Map<string, Promise<void>>();

  get raw(): Consumer {
    return this.consumer;
  }

  /** Partitions of `topic` this member owns since the last rebalance. */
  assignedPartitions(topic: Topic): number[] {
    return this.assignment[physicalTopic(this.settings, topic)] ?? [];
  }

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.FETCH_START, () => this.pace.began());
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      this.assignment = e.payload.memberAssignment;
      // A deferred commit for a partition now owned by another member could move its offset back:
      // dropped (the new owner reads those records again; their outputs repeat with the same ids).
      for (const [key, pending] of this.toCommit)
        if (!(this.assignment[pending.topic] ?? []).includes(pending.partition)) this.toCommit.delete(key);
      // Producers of partitions gone elsewhere: their new owner fences them anyway.
      void this.transactions?.keepOnly(this.assignment);
    });
    await (this.transactions ?? this.events!).connect();
    await this.consumer.connect();
    for (const topic of this.options.topics) {
      // A topic created a moment ago may not have a leader in every broker's metadata yet.
      await withRetries(() =>
        this.consumer.subscribe({
          topic: physicalTopic(this.settings, topic),
          fromBeginning: this.options.fromBeginning ?? true,
        }),
      );
    }
    this.unwatch = await runKeptAlive(
      this.consumer,
      {
        // Deferred commits (commitIntervalMs) are made here, not by kafkajs after each batch.
        autoCommit: !this.transactional && this.options.commitIntervalMs === undefined,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.eachBatch(payload),
      },
      this.options.onRestart,
    );
  }

  private unwatch?: () => void;
  /** Deferred commits (commitIntervalMs): the next offset per `topic/partition`, not yet committed. */
  private readonly toCommit = new Map<string, { topic: string; partition: number; offset: string }>();
  private commitTimer?: NodeJS.Timeout;
  private committing: Promise<void> = Promise.resolve();

  private commitLater(topic: string, partition: number, last: string): void {
    this.toCommit.set(`${topic}/${partition}`, { topic, partition, offset: (BigInt(last) + 1n).toString() });
    this.commitTimer ??= setTimeout(() => void this.commitDeferred(), this.options.commitIntervalMs);
  }

  /** Commits what is pending; a failure (partition taken away, broker gone) leaves it to a re-read. */
  private commitDeferred(): Promise<void> {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    const offsets = [...this.toCommit.values()];
    this.toCommit.clear();
    if (offsets.length === 0) return this.committing;
    this.committing = this.committing
      .then(() => this.consumer.commitOffsets(offsets))
      .catch((error: unknown) => this.options.onError?.(error, 1));
    return this.committing;
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.commitDeferred();
    await this.consumer.disconnect();
    await (this.transactions ?? this.events!).disconnect();
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const received = Date.now();
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const topic = logicalTopic(this.settings, batch.topic);
    const key = `${batch.topic}/${batch.partition}`;
    const messages = batch.messages;
    const control: BatchControl = { heartbeat, active: () => isRunning() && !isStale() };
    for (let start = 0; start < messages.length; start += this.maxRecords) {
      if (!control.active()) return;
      const began = Date.now();
      let handled = began;
      const slice = messages.slice(start, start + this.maxRecords);
      const last = slice[slice.length - 1].offset;
      for (;;) {
        // A partition given to another member meanwhile is never claimed back from it here.
        if (!control.active()) return;
        if (this.transactional) await this.exclusively(key, () => this.claim(key, batch));
        const chunk = this.notYetCommitted(key, slice).map((m) => toConsumed(topic, batch.partition, m));
        if (chunk.length > 0) {
          // Records of the chunk already dead-lettered by offset, should it be taken one by one.
          const letters = new Map<string, DeadLetterReason>();
          const outputs = await this.process(chunk, control, letters);
          if (outputs === STOPPED) return;
          handled = Date.now();
          const done = await this.commit(key, slice, chunk.length, outputs, control, batch);
          if (done === 'again') continue;
          // The broker refuses what the chunk would publish: one record at a time, so the record
          // at fault is dead-lettered and the others go through.
          if (
            done instanceof Refused &&
            (await this.oneByOne(key, slice, control, topic, batch, letters)) === STOPPED
          )
            return;
        }
        resolveOffset(last);
        if (this.options.commitIntervalMs !== undefined && !this.transactional)
          this.commitLater(batch.topic, batch.partition, last);
        else if (!this.transactional) await commitOffsetsIfNecessary();
        break;
      }
      const now = Date.now();
      await heartbeat();
      const lag = Number(BigInt(batch.highWatermark) - BigInt(last) - 1n);
      this.options.onBatch?.({
        topic,
        partition: batch.partition,
        records: slice.length,
        lag: lag < 0 ? 0 : lag,
        millis: now - began,
        waits: {
          fetched: received - Number(slice[0].timestamp),
          queued: began - received,
          handled: handled - began,
          committed: now - handled,
        },
      });
    }
    // The batches of one fetch (partitions handled concurrently) share the wait.
    if (messages.length > 0) await this.pace.next();
  }

  /**
   * Publishes `outputs` and commits the offsets up to the last of `slice` (one transaction, or
   * acknowledged outputs then offsets). 'again' when this instance's earlier pass over the same
   * records committed some of them meanwhile (do it again with what is left, usually nothing);
   * Refused when the broker refuses the records themselves (too large for their topic: checked
   * here before anything is sent, or answered so by the broker): nothing was committed.
   */
  private commit(
    key: string,
    slice: KafkaMessage[],
    expected: number,
    outputs: OutputBatch[],
    control: BatchControl,
    input: { topic: string; partition: number },
  ): Promise<'done' | 'again' | Refused> {
    const last = slice[slice.length - 1].offset;
    return this.exclusively(key, async () => {
      if (this.notYetCommitted(key, slice).length !== expected) return 'again';
      // Serialised once: the size check and the produce requests (every attempt) share the messages.
      const messages = toTopicMessages(outputs);
      const tooLarge = firstTooLarge(messages);
      if (tooLarge) return new Refused(tooLarge);
      try {
        // 'again': the partition was claimed anew meanwhile, and its previous owner had committed more.
        if (this.transactional) {
          if ((await this.commitTransaction(key, messages, control, input, last)) === 'again') return 'again';
        } else await this.publish(messages);
      } catch (error) {
        if (!isRecordRefused(error)) throw error;
        this.options.onError?.(error, 1);
        return new Refused(error);
      }
      this.committedUpTo.set(key, BigInt(last) + 1n);
      return 'done';
    });
  }

  /**
   * Takes over the input partition (transactional mode) unless this member already did: fences the
   * previous owner's producer and raises the partition's mark to what the group has committed.
   * Runs under the partition's lock.
   */
  private async claim(key: string, input: { topic: string; partition: number }): Promise<void> {
    if (this.transactions!.owns(input.topic, input.partition)) return;
    const committed = await this.transactions!.claim(input.topic, input.partition);
    if (committed > (this.committedUpTo.get(key) ?? -1n)) this.committedUpTo.set(key, committed);
  }

  /**
   * The records of `slice` not yet committed, each handled and committed on its own. A record whose
   * outputs the broker refuses becomes a dead letter (OUTPUT_TOO_LARGE) in their stead; a dead
   * letter refused in turn becomes one that holds no bytes, only where they are. Only when even
   * that is refused (no record of any size goes through) does the batch stay uncommitted.
   */
  private async oneByOne(
    key: string,
    slice: KafkaMessage[],
    control: BatchControl,
    topic: Topic,
    { topic: physical, partition }: { topic: string; partition: number },
    letters: Map<string, DeadLetterReason>,
  ): Promise<void | typeof STOPPED> {
    for (const message of this.notYetCommitted(key, slice)) {
      if (!control.active()) return STOPPED;
      await control.heartbeat().catch(() => undefined);
      const record = toConsumed(topic, partition, message);
      const commitOne = (outputs: OutputBatch[]) =>
        this.commit(key, [message], 1, outputs, control, { topic: physical, partition });
      let reason = letters.get(message.offset);
      if (!reason) {
        const handled = await this.process([record], control, letters);
        if (handled === STOPPED) return STOPPED;
        const done = await commitOne(handled);
        if (!(done instanceof Refused)) continue;
        reason = refusedReason(this.options.stage, done.error);
        if ((await this.notify(record, reason, control)) === STOPPED) return STOPPED;
      }
      if (!((await commitOne([deadLetterOutput(record, reason)])) instanceof Refused)) continue;
      const last = await commitOne([deadLetterReference(record, reason)]);
      if (last instanceof Refused) throw new BatchNotCommittedError(last.error);
    }
  }

  /**
   * Runs `onDeadLetter` for a record about to be dead-lettered: tried again while a dependency is
   * unavailable (STOPPED when the consumer stops meanwhile); any other failure is reported and
   * does not hold the dead letter back.
   */
  private async notify(
    record: ConsumedRecord,
    reason: DeadLetterReason,
    control: BatchControl,
  ): Promise<void | typeof STOPPED> {
    if (!this.options.onDeadLetter) return;
    for (let waits = 1; ; waits++) {
      try {
        await this.options.onDeadLetter(record, reason);
        return;
      } catch (error) {
        this.options.onError?.(error, waits);
        if (!this.isTransient(error)) return;
        if (!control.active()) return STOPPED;
        await sleep(Math.min(MAX_TRANSIENT_BACKOFF_MS, 100 * 2 ** waits));
      }
    }
  }

  /** The records of `messages` at or above what this instance last committed for the partition. */
  private notYetCommitted(key: string, messages: KafkaMessage[]): KafkaMessage[] {
    const mark = this.committedUpTo.get(key);
    // Offsets ascend within a batch: the usual case (nothing committed in it yet) costs one compare.
    if (mark === undefined || messages.length === 0 || BigInt(messages[0].offset) >= mark) return messages;
    return messages.filter((m) => BigInt(m.offset) >= mark);
  }

  /**
   * Runs `work` after every earlier one for the same partition has finished (its mark, its
   * producer's transaction).
   */
  private exclusively<T>(lock: string, work: () => Promise<T>): Promise<T> {
    const run = (this.commitLocks.get(lock) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.commitLocks.set(lock, tail);
    // Forget a partition's lock once nothing is queued behind it (partitions come and go).
    void tail.then(() => {
      if (this.commitLocks.get(lock) === tail) this.commitLocks.delete(lock);
    });
    return run;
  }

  /** Outputs as produce requests that each stay under the broker's size limit. */
  private requests(outputs: readonly TopicMessages[]): { topic: string; messages: Message[] }[] {
    return outputs.flatMap((o) =>
      chunkBySize(o.messages).map((messages) => ({
        topic: physicalTopic(this.settings, o.topic),
        messages,
      })),
    );
  }

  /**
   * At-least-once: every output acknowledged (acks = all) before the offsets are committed. The
   * outputs of batches that finish together (several partitions consumed concurrently, a reply and
   * its decisions) share produce requests instead of waiting in line for one round trip each.
   */
  private async publish(outputs: readonly TopicMessages[]): Promise<void> {
    await this.events!.sendMessages(outputs);
  }

  /**
   * One transaction on the input partition's producer: the outputs and the offset after `last`.
   * Retried on a fresh producer (kafkajs refuses every transaction after a failed commit or abort);
   * a fresh producer is a new claim, which may find that the previous owner committed more: then
   * 'again' (the caller takes what is left). Fenced — another member was given the partition while
   * this one stalled — it first asks the group whether it is still a member: the heartbeat throws
   * when it is not, and kafkajs rejoins before anything is published twice.
   */
  private async commitTransaction(
    key: string,
    outputs: readonly TopicMessages[],
    control: BatchControl,
    input: { topic: string; partition: number },
    last: string,
  ): Promise<'done' | 'again'> {
    for (let attempt = 1; ; attempt++) {
      // Lost meanwhile: claiming it again would fence its new owner ('again' leaves the batch).
      if (!this.transactions!.owns(input.topic, input.partition) && !control.active()) return 'again';
      try {
        const before = this.committedUpTo.get(key);
        await this.claim(key, input);
        if (this.committedUpTo.get(key) !== before) return 'again';
        await this.transactions!.commit(input.topic, input.partition, {
          requests: this.requests(outputs),
          nextOffset: (BigInt(last) + 1n).toString(),
        });
        return 'done';
      } catch (error) {
        await this.transactions!.drop(key);
        // Records the broker refuses are refused again: the caller deals with them at once.
        if (isRecordRefused(error)) throw error;
        this.options.onError?.(error, attempt);
        if (isFenced(error)) {
          await control.heartbeat();
          if (!control.active()) throw new BatchNotCommittedError(error);
        }
        // The outputs are deterministic for the same records, so retrying the transaction is safe.
        if (attempt >= this.attempts) throw new BatchNotCommittedError(error);
        await sleep(Math.min(5000, 100 * 2 ** attempt));
      }
    }
  }

  /** The chunk's outputs; the records it dead-letters instead are noted in `letters` by offset. */
  private async process(
    chunk: ConsumedRecord[],
    control: BatchControl,
    letters: Map<string, DeadLetterReason>,
  ): Promise<OutputBatch[] | typeof STOPPED> {
    const whole = await this.tryHandle(chunk, control);
    if (!(whole instanceof Failed)) return whole;
    // The whole chunk keeps failing: isolate the record(s) at fault, keep the others' outputs.
    const outputs: OutputBatch[] = [];
    for (const record of chunk) {
      const single = chunk.length > 1 ? await this.tryHandle([record], control) : whole;
      if (single === STOPPED) return STOPPED;
      if (!(single instanceof Failed)) {
        outputs.push(...single);
        continue;
      }
      const reason: DeadLetterReason = {
        stage: this.options.stage,
        code: 'HANDLER_FAILED',
        message: `failed on ${this.attempts} attempts: ${errorText(single.error)}`,
      };
      if ((await this.notify(record, reason, control)) === STOPPED) return STOPPED;
      letters.set(record.offset, reason);
      outputs.push(deadLetterOutput(record, reason));
    }
    return outputs;
  }

  /**
   * The handler's outputs; Failed when it failed every attempt (the records are poison);
   * STOPPED when the consumer stops or loses the partition while a dependency is unavailable.
   * Transient failures do not use up attempts: the batch waits for the dependency instead.
   */
  private async tryHandle(
    records: ConsumedRecord[],
    control: BatchControl,
  ): Promise<OutputBatch[] | Failed | typeof STOPPED> {
    let failures = 0;
    let waits = 0;
    for (;;) {
      try {
        return (await this.handler(records)) ?? [];
      } catch (error) {
        if (this.isTransient(error)) {
          this.options.onError?.(error, failures + 1);
          if (!control.active()) return STOPPED;
          await sleep(Math.min(MAX_TRANSIENT_BACKOFF_MS, 100 * 2 ** ++waits));
        } else {
          failures++;
          this.options.onError?.(error, failures);
          if (failures >= this.attempts) return new Failed(error);
          await sleep(Math.min(5000, 100 * 2 ** failures));
        }
        await control.heartbeat().catch(() => undefined);
      }
    }
  }
}

/**
 * Reads topics from the beginning without committing (a private, throw-away group) and reports when
 * it has caught up with the high watermarks seen at start; keeps delivering new records afterwards.
 * Used to build in-memory state from compacted topics. With `since` (epoch ms) it starts at each
 * partition's first record written at or after that time instead (state kept for a window).
 */
export class TopicReplayer {
  private readonly consumer: Consumer;
  private caughtUpResolve!: () => void;
  readonly caughtUp: Promise<void>;
  private remaining = new Map<string, bigint>();
  /** With `since`: where each partition starts (records before it are skipped). */
  private readonly starts = new Map<string, bigint>();
  /**
   * The last offset handed to `onRecords` per partition. The group commits nothing, so a consumer
   * that kafkajs restarts (a crash, a broker restart, a rejoin) reads its topics from the beginning
   * again: those records were applied already and are skipped, so state is not rebuilt and no
   * listener sees a change that did not happen (screening re-vetted every traveller after a broker
   * restart).
   */
  private readonly applied = new Map<string, bigint>();
  private isCaughtUp = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: KafkaSettings,
    private readonly topics: Topic[],
    private readonly onRecords: (records: ConsumedRecord[]) => void | Promise<void>,
    name = 'replay',
    private readonly since?: number,
  ) {
    this.consumer = kafka.consumer({
      groupId: physicalGroup(settings, `paxscreen-${name}-${randomUUID()}`),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      ...fetchSizes(topics, 8 * 1024 * 1024),
    });
    this.caughtUp = new Promise((resolve) => (this.caughtUpResolve = resolve));
  }

  get ready(): boolean {
    return this.isCaughtUp;
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of this.topics) {
        const physical = physicalTopic(this.settings, topic);
        const starts = new Map<number, bigint>();
        if (this.since !== undefined) {
          const since = this.since;
          for (const p of await withRetries(() => admin.fetchTopicOffsetsByTimestamp(physical, since)))
            starts.set(p.partition, BigInt(p.offset));
        }
        for (const p of await withRetries(() => admin.fetchTopicOffsets(physical))) {
          const high = BigInt(p.high);
          // No record at or after `since`: the broker answers -1 (or the end).
          const at = starts.get(p.partition);
          const start = at === undefined ? BigInt(p.low) : at < 0n || at > high ? high : at;
          if (this.since !== undefined) this.starts.set(`${physical}/${p.partition}`, start);
          if (high > start) this.remaining.set(`${physical}/${p.partition}`, high);
        }
      }
    } finally {
      await admin.disconnect();
    }
    this.checkCaughtUp();
    await this.consumer.connect();
    for (const topic of this.topics) {
      await withRetries(() =>
        this.consumer.subscribe({ topic: physicalTopic(this.settings, topic), fromBeginning: true }),
      );
    }
    this.unwatch = await runKeptAlive(this.consumer, {
      autoCommit: false,
      eachBatch: async ({ batch, heartbeat }) => {
        const topic = logicalTopic(this.settings, batch.topic);
        const id = `${batch.topic}/${batch.partition}`;
        const start = this.starts.get(id) ?? 0n;
        const applied = this.applied.get(id) ?? -1n;
        // Fetched before the seek below took effect: not part of the window; or read again.
        const records = batch.messages
          .filter((m) => BigInt(m.offset) >= start && BigInt(m.offset) > applied)
          .map((m) => toConsumed(topic, batch.partition, m));
        if (records.length > 0) {
          await this.onRecords(records);
          this.applied.set(id, BigInt(records[records.length - 1].offset));
        }
        await heartbeat();
        const target = this.remaining.get(id);
        // lastOffset() counts a transaction's commit marker fetched with the batch (no message of its own).
        if (target !== undefined && BigInt(batch.lastOffset()) + 1n >= target) {
          this.remaining.delete(id);
          this.checkCaughtUp();
        }
      },
    });
    // With `since`: each partition from its first record of the window (kafkajs seeks after run).
    for (const [id, offset] of this.starts) {
      const at = id.lastIndexOf('/');
      this.consumer.seek({
        topic: id.slice(0, at),
        partition: Number(id.slice(at + 1)),
        offset: String(offset),
      });
    }
  }

  private checkCaughtUp(): void {
    if (!this.isCaughtUp && this.remaining.size === 0) {
      this.isCaughtUp = true;
      this.caughtUpResolve();
    }
  }

  private unwatch?: () => void;

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.consumer.disconnect();
  }
}
