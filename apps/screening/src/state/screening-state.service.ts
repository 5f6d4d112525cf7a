import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import {
  decodeEvent,
  Disposition,
  ListEntry,
  ListVersion,
  Topic,
  type Traveller,
  type WatchlistEntry,
} from '@paxscreen/contracts';
import { ConsumedRecord, KafkaReaders, TopicReplayer } from '@paxscreen/kafka';
import { HealthRegistry, LOGGER, type Logger, Metrics } from '@paxscreen/observability';
import {
  applyListRecord,
  type FoundCandidates,
  MatchPool,
  pooledCandidates,
  Screener,
  ScreeningConfig,
  ScreeningState,
  type WatchlistChange,
} from '@paxscreen/screening';

import { SCREENING_CONFIG } from '../screening.config';
import type { ScreeningEnv } from '../screening.env';
import { SCREENING_ENV } from '../tokens';

/** Analysts' remembered false positives are replayed with the lists: the index is not ready without them. */
const LIST_TOPICS = [...Object.values(ListEntry.ENTRY_TOPICS), Topic.ListVersions, Topic.Dispositions];
/** How long the start waits for the match threads to index the lists (meanwhile screening matches in process). */
const POOL_CATCH_UP_MS = 120_000;

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
  /** Matching threads (SCREENING_MATCH_THREADS > 0), else undefined: matched in process. */
  private readonly pool?: MatchPool;

  constructor(
    @Inject(KafkaReaders) readers: KafkaReaders,
    @Inject(HealthRegistry) health: HealthRegistry,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SCREENING_CONFIG) config: ScreeningConfig,
    @Inject(SCREENING_ENV) env: Pick<ScreeningEnv, 'SCREENING_MATCH_CACHE_SIZE' | 'SCREENING_MATCH_THREADS'>,
  ) {
    this.screener = new Screener(this.state, config, { matchCacheSize: env.SCREENING_MATCH_CACHE_SIZE });
    if (env.SCREENING_MATCH_THREADS > 0)
      this.pool = new MatchPool({
        threads: env.SCREENING_MATCH_THREADS,
        index: this.state.watchlists,
        onThreadFailure: (err) =>
          this.logger.error({ err }, 'match thread failed; replaced, its travellers matched in process'),
      });
    metrics.observeMatchCache(() => this.screener.matchCache.stats());
    this.replayer = readers.replayer(LIST_TOPICS, (records) => this.apply(records), 'screening-index');
    health.register({ name: 'index', check: async () => this.replayer.ready });
  }

  /** Starts reading the list topics and resolves once caught up with where they stood. */
  async load(): Promise<void> {
    const started = Date.now();
    await this.replayer.start();
    await this.replayer.caughtUp;
    const threads = this.pool ? await this.pool.caughtUp(POOL_CATCH_UP_MS) : undefined;
    this.logger.info(
      { entries: this.state.watchlists.size, ms: Date.now() - started, matchThreadsCaughtUp: threads },
      'screening index caught up',
    );
  }

  /**
   * Watchlist candidates for a batch, searched on the match threads (`Screener.screen`'s
   * `candidates`); none when matching in process (SCREENING_MATCH_THREADS=0).
   */
  async candidatesFor(travellers: readonly Traveller[]): Promise<(FoundCandidates | undefined)[]> {
    return this.pool ? pooledCandidates(this.screener, this.pool, travellers) : [];
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
    const changes: WatchlistChange[] = [];
    for (const r of records) {
      if (!r.key) continue;
      if (r.topic === Topic.Dispositions) {
        this.applyDisposition(r);
        continue;
      }
      const { listId, entryId } = ListEntry.parseListEntryKey(r.key);
      try {
        this.applyOne(r.topic, listId, entryId, r.value, changes);
        touched.add(listId);
      } catch (err) {
        // A bad record must not stop the index: it is skipped and reported (no personal data).
        this.logger.error({ err, topic: r.topic, offset: r.offset, listId }, 'list record skipped');
      }
    }
    // The threads go through the same watchlist changes, in the same order, before their next search.
    this.pool?.apply(changes);
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
  private applyOne(
    topic: Topic,
    listId: string,
    entryId: string,
    value: Buffer | null,
    changes: WatchlistChange[],
  ): void {
    if (topic === Topic.ListVersions) {
      // Keyed by list id alone; the record follows the list's entries on the topics above.
      if (value) this.state.setListVersion(listId, decodeEvent(ListVersion.Value, value).version);
      return;
    }
    const kind = ListEntry.kindOfTopic(topic);
    if (!kind) return;
    const record = value ? ListEntry.decodeEntry(kind, value) : undefined;
    // Decoded: the match threads apply it too, even should applying it throw here (they throw alike).
    if (kind === 'watchlist')
      changes.push({
        listId,
        entryId,
        entry: (record?.entry as WatchlistEntry | undefined) ?? null,
        version: record?.listVersion,
      });
    // The same entry point as the offline CLI's file loading (libs/screening list-loader).
    applyListRecord(this.state, kind, listId, entryId, record?.entry ?? null, record?.listVersion);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replayer.stop();
    await this.pool?.close();
  }
}
