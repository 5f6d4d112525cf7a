import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

import { decodeEvent, ListEntry, ListVersion, Topic } from '@paxscreen/contracts';
import { ConsumedRecord, KafkaReaders, TopicReplayer } from '@paxscreen/kafka';
import { entryDigest } from '@paxscreen/lists';
import { HealthRegistry, LOGGER, type Logger } from '@paxscreen/observability';

/**
 * What every list currently holds (entry id → content digest) and the catalogue of versions,
 * rebuilt from the compacted topics at start. The compacted topics are the source of truth: this
 * service keeps no state of its own that a restart could lose.
 */
@Injectable()
export class ListStateService implements OnModuleInit, OnApplicationShutdown {
  private readonly digests = new Map<string, Map<string, string>>();
  private readonly versions = new Map<string, ListVersion.Value>();
  private readonly replayer: TopicReplayer;

  constructor(
    @Inject(KafkaReaders) readers: KafkaReaders,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.replayer = readers.replayer(
      [...Object.values(ListEntry.ENTRY_TOPICS), Topic.ListVersions],
      (records) => this.apply(records),
      'watchlist-state',
    );
    health.register({ name: 'list-state', check: async () => this.replayer.ready });
  }

  async onModuleInit(): Promise<void> {
    await this.replayer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replayer.stop();
  }

  /** Resolves once every list topic has been read up to where it stood at start. */
  caughtUp(): Promise<void> {
    return this.replayer.caughtUp;
  }

  private apply(records: ConsumedRecord[]): void {
    for (const r of records) {
      if (!r.key) continue;
      try {
        this.applyOne(r.topic as Topic, r.key, r.value);
      } catch (err) {
        // A bad record must not stop the catalogue: it is skipped and reported (no personal data).
        this.logger.error({ err, topic: r.topic, offset: r.offset }, 'list record skipped');
      }
    }
  }

  /** One record, decoded and validated as its topic's contract (a bad one throws: skipped above). */
  private applyOne(topic: Topic, key: string, value: Buffer | null): void {
    if (topic === Topic.ListVersions) {
      if (value) this.versions.set(key, decodeEvent(ListVersion.Value, value));
      return;
    }
    const kind = ListEntry.kindOfTopic(topic);
    if (!kind) return;
    const { listId, entryId } = ListEntry.parseListEntryKey(key);
    if (!value) {
      this.digests.get(listId)?.delete(entryId);
      return;
    }
    this.record(listId, entryId, entryDigest(ListEntry.decodeEntry(kind, value).entry));
  }

  /** Called after a publish too, so a second import right away diffs against what was just sent. */
  record(listId: string, entryId: string, digest: string | undefined): void {
    let list = this.digests.get(listId);
    if (!list) this.digests.set(listId, (list = new Map()));
    if (digest === undefined) list.delete(entryId);
    else list.set(entryId, digest);
  }

  recordVersion(version: ListVersion.Value): void {
    this.versions.set(version.listId, version);
  }

  digestsOf(listId: string): ReadonlyMap<string, string> {
    return this.digests.get(listId) ?? new Map();
  }

  latestVersion(listId: string): ListVersion.Value | undefined {
    return this.versions.get(listId);
  }

  catalogue(): ListVersion.Value[] {
    return [...this.versions.values()].sort((a, b) => a.listId.localeCompare(b.listId));
  }
}
