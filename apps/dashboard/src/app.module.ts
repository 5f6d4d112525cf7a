import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { AuthModule } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';

import { DashboardEnv } from './dashboard.env';
import { LiveFeedService } from './live/live-feed.service';
import { LiveStreamsService } from './live/live-streams.service';
import { LiveHttpController } from './live/live.http.controller';
import { loadPageAssets } from './page/page-assets';
import { PageHttpController } from './page/page.http.controller';
import { DASHBOARD_ENV, PAGE_ASSETS } from './tokens';

@Module({})
export class DashboardModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: DashboardModule,
      imports: [
        ObservabilityModule.forRoot('dashboard', env),
        KafkaModule.forRoot({ clientSuffix: 'dashboard', env }),
        AuthModule.forRoot(env),
      ],
      controllers: [PageHttpController, LiveHttpController],
      providers: [
        { provide: DASHBOARD_ENV, useValue: loadEnv(DashboardEnv, env) },
        { provide: PAGE_ASSETS, useFactory: () => loadPageAssets() },
        LiveFeedService,
        LiveStreamsService,
      ],
    };
  }
}
