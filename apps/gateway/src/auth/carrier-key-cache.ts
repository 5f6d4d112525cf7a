import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

import {
  CARRIER_KEY_MIGRATIONS,
  CARRIER_KEYS_CHANNEL,
  CARRIER_KEYS_LEDGER,
  CarrierKeyRepository,
  CarrierKeysDatabase,
  KeyRing,
} from '@paxscreen/carrier-keys';
import {
  createDatabase,
  type Database,
  type Listening,
  listenForNotifications,
  migrate,
  type PostgresSettings,
  postgresSettingsFromEnv,
} from '@paxscreen/postgres';
import { LOGGER, type Logger } from '@paxscreen/observability';

import { GatewayEnv } from '../gateway.env';
import { GATEWAY_ENV, GATEWAY_PROCESS_ENV } from '../tokens';

export type KeyDatabaseState = 'disabled' | 'connecting' | 'ready' | 'unavailable';

/**
 * The carrier keys this gateway accepts, kept in memory (a request costs one SHA-256 and one map
 * look-up, never a query). Environment keys from the start; database keys loaded at start in the
 * background and reloaded on every NOTIFY (a change made by any gateway), after a lost LISTEN
 * connection is back, and every GATEWAY_CARRIER_KEYS_REFRESH_MS regardless. A revocation thus
 * takes effect on this gateway as soon as the NOTIFY arrives (milliseconds), and at the latest one
 * refresh interval later. PostgreSQL down at start: env keys work, the gateway says so and keeps
 * trying; it never fails to start for it.
 */
@Injectable()
export class CarrierKeyCache implements OnModuleInit, OnApplicationShutdown {
  readonly ring: KeyRing;
  private readonly settings?: PostgresSettings;
  private db?: Database<CarrierKeysDatabase>;
  private repository?: CarrierKeyRepository;
  private listening?: Listening;
  private timer?: NodeJS.Timeout;
  private migrated = false;
  private reloading?: Promise<void>;
  private again = false;
  private closed = false;
  state: KeyDatabaseState;
  loadedAt?: Date;

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(GATEWAY_PROCESS_ENV) processEnv: NodeJS.ProcessEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.ring = new KeyRing(env.GATEWAY_CARRIER_KEYS);
    this.state = env.GATEWAY_CARRIER_KEYS_DB ? 'connecting' : 'disabled';
    if (env.GATEWAY_CARRIER_KEYS_DB) this.settings = postgresSettingsFromEnv(processEnv);
  }

  /** The key store, for the admin API; undefined when keys are not kept in the database. */
  get keys(): CarrierKeyRepository | undefined {
    return this.migrated ? this.repository : undefined;
  }

  onModuleInit(): void {
    this.logger.info({ env: this.ring.size.env }, 'carrier keys from GATEWAY_CARRIER_KEYS');
    if (!this.settings) return;
    this.db = createDatabase<CarrierKeysDatabase>(this.settings, 'paxscreen-gateway');
    this.repository = new CarrierKeyRepository(this.db);
    const settings = this.settings;
    this.listening = listenForNotifications(
      settings,
      CARRIER_KEYS_CHANNEL,
      {
        onNotify: () => void this.reload(),
        onListening: () => void this.reload(),
        onLost: () => undefined,
      },
      {
        retryMs: Math.min(5000, this.env.GATEWAY_CARRIER_KEYS_REFRESH_MS),
        applicationName: 'paxscreen-gateway-keys',
      },
    );
    this.timer = setInterval(() => void this.reload(), this.env.GATEWAY_CARRIER_KEYS_REFRESH_MS);
    this.timer.unref();
    // In the background: the gateway serves env keys while PostgreSQL is slow or down.
    void this.reload();
  }

  /**
   * Loads the database keys (migrating first, once). Calls during a load are folded into one more
   * load after it, so a burst of NOTIFYs costs two queries, and the last change is always seen.
   */
  reload(): Promise<void> {
    if (!this.repository || this.closed) return Promise.resolve();
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        await this.loadOnce();
      } while (this.again && !this.closed);
    })().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private async loadOnce(): Promise<void> {
    try {
      if (!this.migrated) {
        await migrate(
          this.db as unknown as Database<unknown>,
          this.settings!.schema,
          CARRIER_KEY_MIGRATIONS,
          CARRIER_KEYS_LEDGER,
        );
        this.migrated = true;
      }
      const keys = await this.repository!.validKeys();
      this.ring.replaceDatabaseKeys(keys);
      this.loadedAt = new Date();
      if (this.state !== 'ready')
        this.logger.info(
          { database: keys.length, env: this.ring.size.env },
          'carrier keys loaded from PostgreSQL',
        );
      this.state = 'ready';
    } catch (err) {
      // Keeps the last keys it loaded (revocations made meanwhile wait for the database).
      if (this.state !== 'unavailable')
        this.logger.warn(
          { err, env: this.ring.size.env, database: this.ring.size.database },
          'carrier keys database unavailable: serving GATEWAY_CARRIER_KEYS and the last keys loaded; retrying',
        );
      this.state = 'unavailable';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.listening?.close();
    await this.reloading?.catch(() => undefined);
    await this.db?.destroy();
  }
}
