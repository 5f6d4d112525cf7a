import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { CaseworkStore } from '@paxscreen/casework';
import { LOGGER, type Logger } from '@paxscreen/observability';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(LookoutStore) private readonly lookouts: LookoutStore,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(CASEWORK_ENV) private readonly env: CaseworkEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.env.CASEWORK_SCAN_MS);
    this.timer.unref();
  }

  tick(): Promise<void> {
    this.running ??= this.scan()
      .catch((err: unknown) => this.logger.warn({ err }, 'casework scan failed; the next one retries'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<void> {
    const raised = await this.store.raiseNearArrival();
    if (raised > 0) this.relay.kick();
    await this.lookouts.put(await this.store.openLookouts());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
