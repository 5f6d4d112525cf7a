import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { REDIS_CLIENT, RedisClient, RedisKeys, RedisModule, ReceiptStore } from '@paxscreen/redis';

import { CarrierKeys } from './auth/carrier-keys';
import { GatewayEnv } from './gateway.env';
import { IngestController, SubmitMessageUseCase } from './ingest';
import { GATEWAY_ENV } from './tokens';

@Module({})
export class GatewayModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(GatewayEnv, env);
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot('gateway', env),
        KafkaModule.forRoot({ clientSuffix: 'gateway', env }),
        RedisModule.forRoot({ name: 'gateway', env }),
      ],
      controllers: [IngestController],
      providers: [
        { provide: GATEWAY_ENV, useValue: settings },
        { provide: CarrierKeys, useValue: new CarrierKeys(settings.GATEWAY_CARRIER_KEYS) },
        {
          provide: ReceiptStore,
          inject: [REDIS_CLIENT, RedisKeys],
          useFactory: (redis: RedisClient, keys: RedisKeys) =>
            new ReceiptStore(redis, keys, settings.RECEIPT_TTL_HOURS * 3600),
        },
        SubmitMessageUseCase,
      ],
    };
  }
}
