import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';

import { HealthRegistry } from '@paxscreen/observability';

import { createRedis, RedisClient, redisAnswers, RedisSettings, redisSettingsFromEnv } from '../core/client';
import { RedisKeys } from '../core/keys';

export const REDIS_CLIENT = Symbol('paxscreen:redis-client');
export const REDIS_SETTINGS = Symbol('paxscreen:redis-settings');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: RedisClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

/** The app's Redis client (single node or cluster), key schema and readiness check. */
@Global()
@Module({})
export class RedisModule {
  static forRoot(options: { name: string; env?: NodeJS.ProcessEnv }): DynamicModule {
    // Read now, when the app's module is registered, not by a provider: a refused setting stops
    // the start before any provider has opened a client (ioredis connects on creation) that the
    // failed build would leave open.
    const settings = redisSettingsFromEnv(options.env ?? process.env);
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_SETTINGS, useValue: settings },
        { provide: RedisKeys, inject: [REDIS_SETTINGS], useFactory: (s: RedisSettings) => s.keys },
        {
          provide: REDIS_CLIENT,
          inject: [REDIS_SETTINGS, HealthRegistry],
          useFactory: (s: RedisSettings, health: HealthRegistry) => {
            const client = createRedis(s, `paxscreen-${options.name}`);
            // Connection errors are retried by ioredis and reported by readiness; never crash.
            client.on('error', () => undefined);
            health.register({ name: 'redis', check: () => redisAnswers(client) });
            return client;
          },
        },
        RedisLifecycle,
      ],
      exports: [REDIS_SETTINGS, REDIS_CLIENT, RedisKeys],
    };
  }
}
