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

export const DATABASE = Symbol('paxscreen:database');
export const POSTGRES_SETTINGS = Symbol('paxscreen:postgres-settings');
const MIGRATIONS = Symbol('paxscreen:migrations');

/** Runs the app's migrations before anything else uses the database; closes the pool at shutdown. */
@Injectable()
class PostgresLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<unknown>,
    @Inject(POSTGRES_SETTINGS) private readonly settings: PostgresSettings,
    @Inject(MIGRATIONS) private readonly migrations: { list: readonly Migration[]; ledger?: string },
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const report = await migrate(this.db, this.settings.schema, this.migrations.list, this.migrations.ledger);
    this.logger.info(
      { schema: this.settings.schema, applied: report.applied, before: report.alreadyApplied },
      'database migrated',
    );
  }

  async onApplicationShutdown(): Promise<void> {
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
}

/** The app's database (Kysely over a pg pool), migrated at start, with its readiness check. */
@Global()
@Module({})
export class PostgresModule {
  static forRoot(options: PostgresModuleOptions): DynamicModule {
    return {
      module: PostgresModule,
      providers: [
        { provide: POSTGRES_SETTINGS, useFactory: () => postgresSettingsFromEnv(options.env ?? process.env) },
        { provide: MIGRATIONS, useValue: { list: options.migrations, ledger: options.ledger } },
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
