import { DynamicModule, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';

import { loadEnv } from '@paxscreen/contracts';
import { AuthModule } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { DATABASE, PostgresModule } from '@paxscreen/postgres';
import {
  RECORDS_MIGRATIONS,
  RecordsDatabase,
  RecordsReader,
  RecordsWriter,
  RetentionJob,
} from '@paxscreen/records';
import { DecisionStore, REDIS_CLIENT, RedisClient, RedisKeys, RedisModule } from '@paxscreen/redis';

import { HotPathRefill } from './hot-path/hot-path-refill.service';
import { PartitionMaintenance } from './partitions/partition-maintenance.service';
import { RecordsEnv } from './records.env';
import { RetentionService } from './retention/retention.service';
import { SearchAudit } from './search/search-audit';
import { SearchHttpController } from './search/search.http.controller';
import { StoreEventsConsumer } from './store-events/store-events.consumer';
import { StoreEventsUseCase } from './store-events/store-events.usecase';
import { RECORDS_ENV } from './tokens';

@Module({})
export class RecordsModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(RecordsEnv, env);
    return {
      module: RecordsModule,
      imports: [
        ObservabilityModule.forRoot('records', env),
        KafkaModule.forRoot({ clientSuffix: 'records', env }),
        PostgresModule.forRoot({ name: 'records', migrations: RECORDS_MIGRATIONS, env }),
        AuthModule.forRoot(env),
        RedisModule.forRoot({ name: 'records', env }),
      ],
      controllers: [StoreEventsConsumer, SearchHttpController],
      providers: [
        { provide: RECORDS_ENV, useValue: settings },
        {
          provide: DecisionStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (redis: RedisClient, keys: RedisKeys) =>
            new DecisionStore(redis, keys, settings.HOTPATH_TTL_HOURS * 3600),
        },
        {
          provide: RecordsWriter,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new RecordsWriter(db),
        },
        {
          provide: RecordsReader,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new RecordsReader(db),
        },
        {
          provide: RetentionJob,
          inject: [DATABASE],
          useFactory: (db: Kysely<RecordsDatabase>) => new RetentionJob(db),
        },
        RetentionService,
        StoreEventsUseCase,
        PartitionMaintenance,
        SearchAudit,
        HotPathRefill,
      ],
    };
  }
}
