import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { decodeEvent, Disposition, ListEntry, ListVersion, Topic } from '@paxscreen/contracts';
import { ConsumedRecord, KafkaReaders, TopicReplayer } from '@paxscreen/kafka';
import { HealthRegistry, LOGGER, type Logger, Metrics } from '@paxscreen/observability';
import { applyListRecord, Screener, ScreeningConfig, ScreeningState } from '@paxscreen/screening';

import { SCREENING_CONFIG } from '../screening.config';
import type { ScreeningEnv } from '../screening.env';
import { SCREENING_ENV } from '../tokens';

const KIND_OF_TOPIC = new Map<Topic, ListVersion.ListKind>([
  [Topic.Watchlist, 'watchlist'],
  [Topic.Documents, 'documents'],
  [Topic.Enrolments, 'enrolments'],
  [Topic.Rules, 'rules'],
]);
/** Analysts' remembered false positives are replayed with the lists: the index is not ready without them. */
const LIST_TOPICS = [...KIND_OF_TOPIC.keys(), Topic.ListVersions, Topic.Dispositions];

/**
 * The in-memory index the service screens against, built from the compacted list topics at start
 * (the service is not ready until it has caught up) and kept current record by record afterwards.
 */
@Injectable()
export class ScreeningStateService implements OnApplicationShutdown {
  readonly state = new ScreeningState();
  readonly screener: Screener;
  private readonly replayer: TopicReplayer;
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    @Inject(KafkaReaders) readers: KafkaReaders,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SCREENING_CONFIG) config: ScreeningConfig,
    @Inject(SCREENING_ENV) env: Pick<ScreeningEnv, 'SCREENING_MATCH_CACHE_SIZE'>,
  ) {
    this.screener = new Screener(this.state, config, { matchCacheSize: env.SCREENING_MATCH_CACHE_SIZE });
    metrics.observeMatchCache(() => this.screener.matchCache.stats());
    this.replayer = readers.replayer(LIST_TOPICS, (records) => this.apply(records), 'screening-index');
    health.register({ name: 'index', check: async () => this.replayer.ready });
  }

  /** Starts reading the list topics and resolves once caught up with where they stood. */
  async load(): Promise<void> {
    const started = Date.now();
    await this.replayer.start();
    await this.replayer.caughtUp;
    this.logger.info(
      { entries: this.state.watchlists.size, ms: Date.now() - started },
      'screening index caught up',
    );
  }

  get ready(): boolean {
    return this.replayer.ready;
  }

  /** Called after list changes that arrive once the index has caught up (re-vetting). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private apply(records: ConsumedRecord[]): void {
    const touched = new Set<string>();
    for (const r of records) {
      if (!r.key) continue;
      if (r.topic === Topic.Dispositions) {
        this.applyDisposition(r);
        continue;
      }
      const { listId, entryId } = ListEntry.parseListEntryKey(r.key);
      try {
        this.applyOne(r.topic, listId, entryId, r.value);
        touched.add(listId);
      } catch (err) {
        // A bad record must not stop the index: it is skipped and reported (no personal data).
        this.logger.error({ err, topic: r.topic, offset: r.offset, listId }, 'list record skipped');
      }
    }
    for (const listId of touched) {
      const version = this.state.listVersions()[listId] ?? '';
      this.metrics.listEntries.set({ list: listId, version }, this.state.entryCount(listId));
    }
    if (touched.size > 0 && this.replayer.ready) for (const l of this.changeListeners) l();
  }

  /** A disposition (or its withdrawal); a bad record is skipped and reported (no personal data). */
  private applyDisposition(r: ConsumedRecord): void {
    try {
      this.state.applyDisposition(r.key!, r.value ? decodeEvent(Disposition.Value, r.value) : null);
    } catch (err) {
      this.logger.error({ err, topic: r.topic, offset: r.offset }, 'disposition record skipped');
    }
  }

  /** One record, decoded and validated as its topic's contract (a bad one throws: skipped above). */
  private applyOne(topic: Topic, listId: string, entryId: string, value: Buffer | null): void {
    if (topic === Topic.ListVersions) {
      // Keyed by list id alone; the record follows the list's entries on the topics above.
      if (value) this.state.setListVersion(listId, decodeEvent(ListVersion.Value, value).version);
      return;
    }
    const kind = KIND_OF_TOPIC.get(topic);
    if (!kind) return;
    const record = value ? decodeListEntry(kind, value) : undefined;
    // The same entry point as the offline CLI's file loading (libs/screening list-loader).
    applyListRecord(this.state, kind, listId, entryId, record?.entry ?? null, record?.listVersion);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replayer.stop();
  }
}

/** A list-entry record as the contract of its topic: the entry (or rule) and the list version. */
function decodeListEntry(kind: ListVersion.ListKind, value: Buffer): { entry: object; listVersion: string } {
  switch (kind) {
    case 'watchlist':
      return decodeEvent(ListEntry.WatchlistValue, value);
    case 'documents':
      return decodeEvent(ListEntry.DocumentValue, value);
    case 'enrolments':
      return decodeEvent(ListEntry.EnrolmentValue, value);
    case 'rules': {
      const { rule, listVersion } = decodeEvent(ListEntry.RuleValue, value);
      return { entry: rule, listVersion };
    }
  }
}
