import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: sub-millisecond hot path up to slow end-to-end paths. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const FAST_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.1];

/**
 * Where a consumed batch's time went (libs/kafka `BatchStats.waits`, ms): fetched = its first record
 * produced → the batch handed over (the producer's commit, the fetch, batches before it); queued =
 * → its handling began; handled; committed = → its outputs and offsets committed.
 */
export const BATCH_WAITS = ['fetched', 'queued', 'handled', 'committed'] as const;
export type BatchWait = (typeof BATCH_WAITS)[number];

/**
 * Every Prometheus metric paxscreen exposes, in one place (names are part of the operator
 * contract: dashboards and alerts depend on them). Each app registers the ones it feeds.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly messagesReceived = new Counter({
    name: 'paxscreen_messages_received_total',
    help: 'Carrier messages accepted by the gateway',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly messagesRejected = new Counter({
    name: 'paxscreen_messages_rejected_total',
    help: 'Carrier messages rejected, by error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly travellersParsed = new Counter({
    name: 'paxscreen_travellers_parsed_total',
    help: 'Travellers read from manifests',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'paxscreen_decisions_total',
    help: 'Screening decisions published, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly ingestToDecision = new Histogram({
    name: 'paxscreen_ingest_to_decision_seconds',
    help: 'Time from gateway acceptance to published decision',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly matchLatency = new Histogram({
    name: 'paxscreen_match_seconds',
    help: 'Time to screen one traveller (matching + rules)',
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'paxscreen_dead_letters_total',
    help: 'Records sent to the dead-letter topic',
    labelNames: ['stage', 'code'] as const,
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'paxscreen_consumer_lag',
    help: 'Records behind the high watermark, per consumer group and partition',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly batchWait = new Histogram({
    name: 'paxscreen_batch_wait_seconds',
    help: "Where each consumed batch's time went, per consumer group: fetched (first record produced → batch handed over), queued (→ handling began), handled, committed (→ outputs and offsets committed)",
    labelNames: ['group', 'wait'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly consumerGroupLag = new Gauge({
    name: 'paxscreen_consumer_group_lag',
    help: 'Records behind the high watermark from committed offsets, per group and partition (read by the dashboard with the Kafka admin API: also shows a stalled consumer)',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly hotPathLookups = new Counter({
    name: 'paxscreen_hotpath_lookups_total',
    help: 'Port-of-entry look-ups, by result (hit: Redis, records: PostgreSQL while the hot path refills, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly listEntries = new Gauge({
    name: 'paxscreen_list_entries',
    help: 'Entries per list in the screening index',
    labelNames: ['list', 'version'] as const,
    registers: [this.registry],
  });
  /** Where the match-cache metrics below are read from when scraped (the screening service sets it). */
  private matchCacheStats?: () => { hits: number; misses: number; entries: number };
  readonly matchCacheLookups = new Counter({
    name: 'paxscreen_match_cache_lookups_total',
    help: 'Watchlist look-ups of the screening match cache (SCREENING_MATCH_CACHE_SIZE), by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
    collect: () => {
      const s = this.matchCacheStats?.();
      if (!s) return;
      this.matchCacheLookups.reset();
      this.matchCacheLookups.inc({ result: 'hit' }, s.hits);
      this.matchCacheLookups.inc({ result: 'miss' }, s.misses);
    },
  });
  readonly matchCacheHitRatio = new Gauge({
    name: 'paxscreen_match_cache_hit_ratio',
    help: 'Share of watchlist look-ups the screening match cache answered since start (hits ÷ look-ups)',
    registers: [this.registry],
    collect: () => {
      const s = this.matchCacheStats?.();
      if (s) this.matchCacheHitRatio.set(s.hits + s.misses === 0 ? 0 : s.hits / (s.hits + s.misses));
    },
  });
  readonly matchCacheEntries = new Gauge({
    name: 'paxscreen_match_cache_entries',
    help: 'Identities whose watchlist candidates the screening match cache holds',
    registers: [this.registry],
    collect: () => {
      const s = this.matchCacheStats?.();
      if (s) this.matchCacheEntries.set(s.entries);
    },
  });
  /** Where the Kafka request counts below are read from when scraped (libs/kafka sets it). */
  private kafkaRequestStats?: () => { client: string; api: string; count: number }[];
  readonly kafkaRequests = new Counter({
    name: 'paxscreen_kafka_requests_total',
    help: 'Requests this process sent to the Kafka brokers, by client (producer, consumer:<group>, admin) and API (Produce, Fetch, OffsetCommit, Heartbeat…)',
    labelNames: ['client', 'api'] as const,
    registers: [this.registry],
    collect: () => {
      const counts = this.kafkaRequestStats?.();
      if (!counts) return;
      this.kafkaRequests.reset();
      for (const c of counts) this.kafkaRequests.inc({ client: c.client, api: c.api }, c.count);
    },
  });
  readonly httpRequests = new Histogram({
    name: 'paxscreen_http_request_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /**
   * One batch's waits, ms (`paxscreen_batch_wait_seconds`). A record's timestamp is its producer's
   * clock: a producer clock ahead of this one counts as no wait, not a negative one.
   */
  observeBatchWaits(group: string, waits: Readonly<Record<BatchWait, number>>): void {
    for (const wait of BATCH_WAITS) this.batchWait.observe({ group, wait }, Math.max(0, waits[wait]) / 1000);
  }

  /** Reports a match cache's counts on every scrape (`paxscreen_match_cache_*`). */
  observeMatchCache(stats: () => { hits: number; misses: number; entries: number }): void {
    this.matchCacheStats = stats;
  }

  /** Reports the Kafka requests sent on every scrape (`paxscreen_kafka_requests_total`). */
  observeKafkaRequests(counts: () => { client: string; api: string; count: number }[]): void {
    this.kafkaRequestStats = counts;
  }

  constructor(service: string, collectDefaults = true) {
    this.registry.setDefaultLabels({ service });
    if (collectDefaults) collectDefaultMetrics({ register: this.registry });
  }
}
