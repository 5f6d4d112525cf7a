import { DynamicModule, Module } from '@nestjs/common';

import { ALERTS_MIGRATIONS } from '@paxscreen/alerts';
import { loadEnv } from '@paxscreen/contracts';
import { AuthEnv, AuthModule } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';
import { PostgresModule } from '@paxscreen/postgres';

import { AlertDeliveryService } from './alerts/alert-delivery.service';
import { AlertStreamsService } from './alerts/alert-streams.service';
import { AlertsConsumer } from './alerts/alerts.consumer';
import { AlertsHttpController } from './alerts/alerts.http.controller';
import { DeliverAlertsUseCase } from './alerts/deliver-alerts.usecase';
import { LiveAlertsService } from './alerts/live-alerts.service';
import { RelayCarrierEventsUseCase } from './alerts/relay-carrier-events.usecase';
import { DevLoginHttpController } from './dev-login/dev-login.http.controller';
import { PageHttpController } from './page/page.http.controller';
import { loadUiAssets } from './page/ui-assets';
import { AUTH_SETTINGS, UI_ASSETS, WORKBENCH_ENV } from './tokens';
import { workbenchDatabaseEnv, WorkbenchEnv } from './workbench.env';

@Module({})
export class WorkbenchModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    const settings = loadEnv(WorkbenchEnv, env);
    return {
      module: WorkbenchModule,
      imports: [
        ObservabilityModule.forRoot('workbench', env),
        KafkaModule.forRoot({ clientSuffix: 'workbench', env }),
        PostgresModule.forRoot({
          name: 'workbench',
          migrations: ALERTS_MIGRATIONS,
          env: workbenchDatabaseEnv(env, settings),
        }),
        AuthModule.forRoot(env),
      ],
      controllers: [PageHttpController, AlertsHttpController, DevLoginHttpController, AlertsConsumer],
      providers: [
        { provide: WORKBENCH_ENV, useValue: settings },
        { provide: AUTH_SETTINGS, useValue: loadEnv(AuthEnv, env) },
        { provide: UI_ASSETS, useFactory: () => loadUiAssets(settings.WORKBENCH_UI_DIR) },
        AlertDeliveryService,
        DeliverAlertsUseCase,
        RelayCarrierEventsUseCase,
        LiveAlertsService,
        AlertStreamsService,
      ],
    };
  }
}
