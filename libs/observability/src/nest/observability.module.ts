import { DynamicModule, Global, Module } from '@nestjs/common';

import { HealthRegistry } from '../core/health';
import { createLogger } from '../core/logger';
import { Metrics } from '../core/metrics';
import { ObservabilityController } from './observability.controller';
import { PinoNestLogger } from './pino-nest-logger';
import { LOGGER, SERVICE_NAME } from './tokens';

/** Logger, metrics and health for one app; global so every module can inject them. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(service: string, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const logger = createLogger({ service, level: env.LOG_LEVEL, file: env.LOG_FILE || undefined });
    return {
      module: ObservabilityModule,
      controllers: [ObservabilityController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: LOGGER, useValue: logger },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(logger) },
        { provide: Metrics, useValue: new Metrics(service) },
        { provide: HealthRegistry, useValue: new HealthRegistry() },
      ],
      exports: [SERVICE_NAME, LOGGER, PinoNestLogger, Metrics, HealthRegistry],
    };
  }
}
