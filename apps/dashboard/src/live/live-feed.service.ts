import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { ConsumerGroup, Topic } from '@paxscreen/contracts';
import { DashboardState } from '@paxscreen/dashboard';
import {
  ConsumerLagReader,
  GroupTopics,
  KafkaReaders,
  PartitionLag,
  ReplyListener,
  TopicReplayer,
} from '@paxscreen/kafka';
import { HealthRegistry, LOGGER, type Logger, Metrics } from '@paxscreen/observability';

import { DashboardEnv } from '../dashboard.env';
import { DASHBOARD_ENV } from '../tokens';

/** The consumer groups whose lag operators watch, with the topics each consumes. */
export const WATCHED_GROUPS: readonly GroupTopics[] = [
  { groupId: ConsumerGroup.Parser, topics: [Topic.MessagesRaw] },
  { groupId: ConsumerGroup.Screening, topics: [Topic.Travellers] },
  { groupId: ConsumerGroup.ScreeningIapi, topics: [Topic.IapiRequests] },
];

/** Kafka errors can be long; the page shows the start of one. */
const LAG_ERROR_CHARS = 160;

/**
 * Feeds the dashboard's state: decisions and dead letters as they are written (private groups
 * that start at the end of the topics, so every dashboard instance sees everything and nothing is
 * committed), the list catalogue replayed from its compacted topic, and consumer lag read from
 * committed offsets every DASHBOARD_LAG_POLL_MS.
 */
@Injectable()
export class LiveFeedService implements OnApplicationShutdown {
  readonly state: DashboardState;
  private readonly listeners: ReplyListener[];
  private readonly lists: TopicReplayer;
  private readonly lag: ConsumerLagReader;
  private lagTimer?: NodeJS.Timeout;
  private lagReading?: Promise<void>;
  private started = false;

  constructor(
    @Inject(KafkaReaders) readers: KafkaReaders,
    @Inject(DASHBOARD_ENV) private readonly env: DashboardEnv,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(HealthRegistry) health: HealthRegistry,
  ) {
    this.state = new DashboardState({
      windowSeconds: env.DASHBOARD_WINDOW_SECONDS,
      recentLimit: env.DASHBOARD_RECENT,
    });
    this.listeners = [
      readers.replyListener(
        Topic.Decisions,
        (r) => this.state.onDecision(r.value, r.headers),
        'dashboard-decisions',
      ),
      readers.replyListener(Topic.DeadLetter, (r) => this.state.onDeadLetter(r.value), 'dashboard-dlq'),
    ];
    this.lists = readers.replayer(
      [Topic.ListVersions],
      (records) => records.forEach((r) => this.state.onListVersion(r.key, r.value)),
      'dashboard-lists',
    );
    this.lag = readers.lagReader();
    health.register({ name: 'feed', check: async () => this.started && this.lists.ready });
  }

  /** Resolves once the readers have joined: every record written from then on is counted. */
  async start(): Promise<void> {
    await Promise.all([...this.listeners.map((l) => l.start()), this.lists.start()]);
    await this.lists.caughtUp;
    await this.readLag();
    this.lagTimer = setInterval(() => void this.readLag(), this.env.DASHBOARD_LAG_POLL_MS);
    this.started = true;
  }

  private readLag(): Promise<void> {
    // One reading at a time: a slow broker must not pile up admin requests.
    this.lagReading ??= this.lag
      .read([...WATCHED_GROUPS])
      .then((readings) => this.onLag(readings))
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        this.logger.warn({ err }, 'consumer lag could not be read');
        this.state.onLagError(`lag could not be read: ${message.slice(0, LAG_ERROR_CHARS)}`);
      })
      .finally(() => (this.lagReading = undefined));
    return this.lagReading;
  }

  private onLag(readings: PartitionLag[]): void {
    this.state.onLag(readings);
    for (const r of readings)
      if (r.lag !== null)
        this.metrics.consumerGroupLag.set(
          { group: r.group, topic: r.topic, partition: String(r.partition) },
          r.lag,
        );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.lagReading;
    await Promise.all([...this.listeners.map((l) => l.stop()), this.lists.stop(), this.lag.stop()]);
  }
}
