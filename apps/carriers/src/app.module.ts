import { DynamicModule, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';

import {
  CARRIERS_MIGRATION_LEDGER,
  CARRIERS_MIGRATIONS,
  CarriersDatabase,
  CarriersStore,
  type Clock,
} from '@paxscreen/carriers';
import { loadEnv } from '@paxscreen/contracts';
import { AuthModule, CarrierAuthGuard, CarrierKeyLookup } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { DATABASE, PostgresModule } from '@paxscreen/postgres';

import { CarrierKeyRing } from './carrier-keys/carrier-key-ring';
import { CarriersEnv, policyOf } from './carriers.env';
import { FlightsHttpController } from './flights/flights.http.controller';
import { ImportScheduleHttpController } from './import-schedule/import-schedule.http.controller';
import { ImportScheduleUseCase } from './import-schedule/import-schedule.usecase';
import { ObserveMessagesConsumer } from './observe-messages/observe-messages.consumer';
import { ObserveMessagesUseCase } from './observe-messages/observe-messages.usecase';
import { loadPageAssets } from './page/page-assets';
import { PageHttpController } from './page/page.http.controller';
import { CarrierScorecardHttpController } from './scorecards/carrier-scorecard.http.controller';
import { ScorecardsHttpController } from './scorecards/scorecards.http.controller';
import { CARRIERS_ENV, CLOCK, PAGE_ASSETS } from './tokens';
import { TimelinessWatcher } from './watch-timeliness/timeliness-watcher';

@Module({})
export class CarriersModule {
  static register(env: NodeJS.ProcessEnv, clock: Clock): DynamicModule {
    const settings = loadEnv(CarriersEnv, env);
    const policy = policyOf(settings);
    return {
      module: CarriersModule,
      imports: [
        ObservabilityModule.forRoot('carriers', env),
        KafkaModule.forRoot({ clientSuffix: 'carriers', env }),
        PostgresModule.forRoot({
          name: 'carriers',
          migrations: CARRIERS_MIGRATIONS,
          ledger: CARRIERS_MIGRATION_LEDGER,
          env,
        }),
        AuthModule.forRoot(env),
      ],
      controllers: [
        ObserveMessagesConsumer,
        ImportScheduleHttpController,
        ScorecardsHttpController,
        CarrierScorecardHttpController,
        FlightsHttpController,
        PageHttpController,
      ],
      providers: [
        { provide: CARRIERS_ENV, useValue: settings },
        { provide: CLOCK, useValue: clock },
        { provide: PAGE_ASSETS, useFactory: () => loadPageAssets() },
        CarrierKeyRing,
        { provide: CarrierKeyLookup, useExisting: CarrierKeyRing },
        CarrierAuthGuard,
        {
          provide: CarriersStore,
          inject: [DATABASE],
          useFactory: (db: Kysely<CarriersDatabase>) => new CarriersStore(db, policy),
        },
        TimelinessWatcher,
        ObserveMessagesUseCase,
        ImportScheduleUseCase,
      ],
    };
  }
}
