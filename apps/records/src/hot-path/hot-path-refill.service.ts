import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { RecordsReader } from '@paxscreen/records';
import { DecisionStore, HotPathEntry, REDIS_CLIENT, type RedisClient, RedisKeys } from '@paxscreen/redis';

import type { RecordsEnv } from '../records.env';
import { RECORDS_ENV } from '../tokens';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Decisions written to Redis per round trip during a refill. */
const REFILL_PAGE = 1000;

/**
 * Redis is a cache: when it loses its data (FLUSHALL, a restart without persistence) the hot path
 * is refilled from PostgreSQL without any carrier re-submitting. A marker key says the hot path
 * is filled; when it is gone, the current decisions of travellers from yesterday to
 * `HOTPATH_TTL_HOURS` ahead are written back where their keys are missing (SET NX: what screening
 * wrote meanwhile is newer), then the marker is set again.
 */
@Injectable()
export class HotPathRefill implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(RecordsReader) private readonly reader: RecordsReader,
    @Inject(DecisionStore) private readonly hotPath: DecisionStore,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(RedisKeys) private readonly keys: RedisKeys,
    @Inject(RECORDS_ENV) private readonly env: RecordsEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 'hot-path check',
      everyMs: env.RECORDS_HOTPATH_CHECK_MS,
      tick: () => this.refillIfLost(),
      logger,
    });
  }

  start(): void {
    this.task.start();
  }

  /** Refills the hot path when its marker is missing; one check at a time, failures logged. */
  check(): Promise<void> {
    return this.task.tick();
  }

  private async refillIfLost(): Promise<void> {
    if ((await this.redis.exists(this.keys.hotPathFilled())) === 1) return;
    const now = Date.now();
    const from = new Date(now - DAY_MS).toISOString().slice(0, 10);
    const to = new Date(now + this.env.HOTPATH_TTL_HOURS * HOUR_MS).toISOString().slice(0, 10);
    let written = 0;
    let after: { travelDate: string; decisionId: string } | undefined;
    for (;;) {
      const page = await this.reader.currentDecisionEvents(from, to, REFILL_PAGE, after);
      await this.hotPath.fillMissing(page.events as HotPathEntry[]);
      written += page.events.length;
      if (!page.last || page.events.length < REFILL_PAGE) break;
      after = page.last;
    }
    await this.redis.set(this.keys.hotPathFilled(), new Date(now).toISOString());
    this.logger.info({ decisions: written, from, to }, 'hot path refilled from PostgreSQL');
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
