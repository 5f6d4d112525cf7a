import { DynamicModule, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';

import { CASEWORK_MIGRATIONS, CaseworkDatabase, CaseworkStore } from '@paxscreen/casework';
import { loadEnv } from '@paxscreen/contracts';
import { AuthModule } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { DATABASE, PostgresModule } from '@paxscreen/postgres';
import { LookoutStore, REDIS_CLIENT, RedisClient, RedisKeys, RedisModule } from '@paxscreen/redis';

import { CaseworkTimers } from './alerts/casework-timers.service';
import { caseworkDatabaseEnv, CaseworkEnv } from './casework.env';
import { HitsHttpController } from './hits/hits.http.controller';
import { IngestDecisionsConsumer } from './ingest-decisions/ingest-decisions.consumer';
import { IngestDecisionsUseCase } from './ingest-decisions/ingest-decisions.usecase';
import { LookoutHotPath } from './lookouts/lookout-hot-path.service';
import { LookoutsHttpController } from './lookouts/lookouts.http.controller';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { CASEWORK_ENV } from './tokens';

@Module({})
export class CaseworkModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(CaseworkEnv, env);
    return {
      module: CaseworkModule,
      imports: [
        ObservabilityModule.forRoot('casework', env),
        KafkaModule.forRoot({ clientSuffix: 'casework', env }),
        PostgresModule.forRoot({
          name: 'casework',
          migrations: CASEWORK_MIGRATIONS,
          env: caseworkDatabaseEnv(env, settings),
        }),
        AuthModule.forRoot(env),
        RedisModule.forRoot({ name: 'casework', env }),
      ],
      controllers: [IngestDecisionsConsumer, HitsHttpController, LookoutsHttpController],
      providers: [
        { provide: CASEWORK_ENV, useValue: settings },
        {
          provide: CaseworkStore,
          inject: [DATABASE],
          useFactory: (db: Kysely<CaseworkDatabase>) =>
            new CaseworkStore(db, { alertWindowHours: settings.ALERT_WINDOW_HOURS }),
        },
        {
          provide: LookoutStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (r: RedisClient, k: RedisKeys) =>
            new LookoutStore(r, k, settings.HOTPATH_TTL_HOURS * 3600),
        },
        OutboxRelay,
        IngestDecisionsUseCase,
        LookoutHotPath,
        CaseworkTimers,
      ],
    };
  }
}
