import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { DecisionPublisher, KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import {
  DecisionStore,
  REDIS_CLIENT,
  RedisClient,
  RedisKeys,
  RedisModule,
  TravellerSnapshotStore,
} from '@paxscreen/redis';

import { IapiRequestConsumer } from './iapi/iapi-request.consumer';
import { IapiRequestUseCase } from './iapi/iapi-request.usecase';
import { RevetIndexRefill } from './revet/revet-index-refill.service';
import { RevetService } from './revet/revet.service';
import { ScreenTravellersConsumer } from './screen-travellers/screen-travellers.consumer';
import { ScreenTravellersUseCase } from './screen-travellers/screen-travellers.usecase';
import { SCREENING_CONFIG, screeningConfigFrom } from './screening.config';
import { ScreeningEnv } from './screening.env';
import { ScreeningStateService } from './state/screening-state.service';
import { SCREENING_ENV } from './tokens';

const HOUR_S = 3600;

@Module({})
export class ScreeningModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(ScreeningEnv, env);
    return {
      module: ScreeningModule,
      imports: [
        ObservabilityModule.forRoot('screening', env),
        KafkaModule.forRoot({ clientSuffix: `screening-${settings.SCREENING_INSTANCE_ID}`, env }),
        RedisModule.forRoot({ name: 'screening', env }),
      ],
      controllers: [ScreenTravellersConsumer, IapiRequestConsumer],
      providers: [
        { provide: SCREENING_ENV, useValue: settings },
        { provide: SCREENING_CONFIG, useValue: screeningConfigFrom(settings) },
        {
          provide: DecisionStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (redis: RedisClient, keys: RedisKeys) =>
            new DecisionStore(redis, keys, settings.HOTPATH_TTL_HOURS * HOUR_S),
        },
        {
          provide: TravellerSnapshotStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (redis: RedisClient, keys: RedisKeys) =>
            new TravellerSnapshotStore(redis, keys, settings.REVET_WINDOW_HOURS * HOUR_S),
        },
        ScreeningStateService,
        DecisionPublisher,
        ScreenTravellersUseCase,
        IapiRequestUseCase,
        RevetService,
        RevetIndexRefill,
      ],
    };
  }
}
