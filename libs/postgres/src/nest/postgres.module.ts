import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { Kysely } from 'kysely';

import { HealthRegistry, LOGGER, type Logger } from '@paxscreen/observability';

import { createDatabase, PostgresSettings, postgresAnswers, postgresSettingsFromEnv } from '../core/database';
import { Migration, migrate } from '../core/migrate';
import { isPostgresUnavailable } from '../core/unavailable';

export const DATABASE = Symbol('paxscreen:database');
export const POSTGRES_SETTINGS = Symbol('paxscreen:postgres-settings');
const MIGRATIONS = Symbol('paxscreen:migrations');
const OPTIONS = Symbol('paxscreen:postgres-options');

/** Runs the app's migrations before anything else uses the database; closes the pool at shutdown. */
@Injectable()
class PostgresLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<unknown>,
    @Inject(POSTGRES_SETTINGS) private readonly settings: PostgresSettings,
    @Inject(MIGRATIONS) private readonly migrations: { list: readonly Migration[]; ledger?: string },
    @Inject(OPTIONS) private readonly options: PostgresModuleOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private retry?: NodeJS.Timeout;

  async onModuleInit(): Promise<void> {
    if (!this.options.startWithoutDatabase) return this.migrate();
    // An app that can serve some requests without the database (the gateway: carrier keys from
    // the environment) starts anyway and migrates as soon as PostgreSQL answers.
    await this.migrate().catch((err: unknown) => {
      if (!isPostgresUnavailable(err)) throw err;
      this.logger.warn({ err }, 'PostgreSQL unavailable at start; migrating once it answers');
      this.retry = setInterval(() => {
        this.migrate()
          .then(() => clearInterval(this.retry))
          .catch(() => undefined);
      }, 1000);
      this.retry.unref();
    });
  }

  private async migrate(): Promise<void> {
    const report = await migrate(this.db, this.settings.schema, this.migrations.list, this.migrations.ledger);
    this.logger.info(
      { schema: this.settings.schema, applied: report.applied, before: report.alreadyApplied },
      'database migrated',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.retry);
    await this.db.destroy();
  }
}

export interface PostgresModuleOptions {
  /** application_name of the connections, e.g. `records`. */
  name: string;
  migrations: readonly Migration[];
  /** The table recording which of `migrations` ran (default `schema_migrations`, records'). */
  ledger?: string;
  env?: NodeJS.ProcessEnv;
  /** Start even when PostgreSQL does not answer (migrations run once it does). */
  startWithoutDatabase?: boolean;
}

/** The app's database (Kysely over a pg pool), migrated at start, with its readiness check. */
@Global()
@Module({})
export class PostgresModule {
  static forRoot(options: PostgresModuleOptions): DynamicModule {
    // Read now, when the app's module is registered, not by a provider: a refused setting stops
    // the start before any provider has opened a client (ioredis connects on creation) that the
    // failed build would leave open.
    const settings = postgresSettingsFromEnv(options.env ?? process.env);
    return {
      module: PostgresModule,
      providers: [
        { provide: POSTGRES_SETTINGS, useValue: settings },
        { provide: MIGRATIONS, useValue: { list: options.migrations, ledger: options.ledger } },
        { provide: OPTIONS, useValue: options },
        {
          provide: DATABASE,
          inject: [POSTGRES_SETTINGS, HealthRegistry],
          useFactory: (s: PostgresSettings, health: HealthRegistry) => {
            const db = createDatabase(s, `paxscreen-${options.name}`);
            health.register({ name: 'postgres', check: () => postgresAnswers(db) });
            return db;
          },
        },
        PostgresLifecycle,
      ],
      exports: [POSTGRES_SETTINGS, DATABASE],
    };
  }
}
