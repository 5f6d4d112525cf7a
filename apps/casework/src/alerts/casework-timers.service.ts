import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { CaseworkStore } from '@paxscreen/casework';
import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { LookoutStore } from '@paxscreen/redis';

import type { CaseworkEnv } from '../casework.env';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { CASEWORK_ENV } from '../tokens';

/**
 * What casework does on a timer (every CASEWORK_SCAN_MS, and once at start): hits whose flight
 * has come within the alert window raise HIT_NEAR_ARRIVAL, and every open lookout is written to
 * the Redis hot path again (PostgreSQL is the system of record: a flushed Redis is refilled).
 */
@Injectable()
export class CaseworkTimers implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(LookoutStore) private readonly lookouts: LookoutStore,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(CASEWORK_ENV) env: CaseworkEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 'casework scan',
      everyMs: env.CASEWORK_SCAN_MS,
      tick: () => this.scan(),
      logger,
    });
  }

  async start(): Promise<void> {
    await this.tick();
    this.task.start();
  }

  /** One scan now (after the one in progress); a failure is logged and the next scan retries. */
  tick(): Promise<void> {
    return this.task.tick();
  }

  private async scan(): Promise<void> {
    const raised = await this.store.raiseNearArrival();
    if (raised > 0) this.relay.kick();
    await this.lookouts.put(await this.store.openLookouts());
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
