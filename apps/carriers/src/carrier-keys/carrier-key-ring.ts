import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Kysely } from 'kysely';

import { CarrierKeyRepository, CarrierKeysDatabase, KeyRing, parseEnvKeys } from '@paxscreen/carrier-keys';
import { CarrierKeyLookup } from '@paxscreen/http';
import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { DATABASE } from '@paxscreen/postgres';

import type { CarriersEnv } from '../carriers.env';
import { CARRIERS_ENV } from '../tokens';

/**
 * The carrier keys this service accepts: the gateway's (`GATEWAY_CARRIER_KEYS` bootstrap keys and
 * the keys admins issue through the gateway, read from the same database every
 * CARRIERS_KEYS_REFRESH_MS), in a `KeyRing` of `@paxscreen/carrier-keys`, so expiry and revocation
 * are judged as the gateway judges them. The gateway owns (and migrates) the key tables: until they
 * exist, the bootstrap keys alone are accepted.
 */
@Injectable()
export class CarrierKeyRing extends CarrierKeyLookup implements OnModuleInit, OnApplicationShutdown {
  private readonly ring: KeyRing;
  private readonly envCarriers: Set<string>;
  private databaseCarriers = new Set<string>();
  private readonly task: PeriodicTask;

  constructor(
    @Inject(CARRIERS_ENV) env: CarriersEnv,
    @Inject(DATABASE) private readonly db: Kysely<CarrierKeysDatabase>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
    this.ring = new KeyRing(env.GATEWAY_CARRIER_KEYS);
    this.envCarriers = new Set(parseEnvKeys(env.GATEWAY_CARRIER_KEYS).values());
    this.task = new PeriodicTask({
      name: 'carrier keys reload',
      everyMs: env.CARRIERS_KEYS_REFRESH_MS,
      tick: () => this.reloadOnce(),
      logger,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  carrierFor(presented: string | undefined): string | undefined {
    return this.ring.carrierFor(presented);
  }

  /** Carriers holding a key (bootstrap or issued). */
  carriers(): Set<string> {
    return new Set([...this.envCarriers, ...this.databaseCarriers]);
  }

  /** Reloads the database keys now (after a reload in progress); never throws. */
  reload(): Promise<void> {
    return this.task.run(() => this.reloadOnce());
  }

  private async reloadOnce(): Promise<void> {
    try {
      const keys = await new CarrierKeyRepository(this.db).validKeys();
      this.ring.replaceDatabaseKeys(keys);
      this.databaseCarriers = new Set(keys.map((k) => k.carrier));
    } catch (err) {
      // No key tables yet (the gateway has not run), or PostgreSQL away: keep what we have.
      this.logger.warn({ err }, 'carrier keys not reloaded from the database; bootstrap keys still accepted');
    }
  }
}
