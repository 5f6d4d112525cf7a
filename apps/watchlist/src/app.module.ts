import { DynamicModule, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';
import { AuthModule } from '@paxscreen/http';
import { KafkaModule } from '@paxscreen/kafka';
import { ObservabilityModule } from '@paxscreen/observability';

import { CatalogueHttpController } from './catalogue/catalogue.http.controller';
import { ImportListHttpController } from './import-list/import-list.http.controller';
import { ImportListUseCase } from './import-list/import-list.usecase';
import { ListStateService } from './list-state/list-state.service';
import { WATCHLIST_ENV } from './tokens';
import { WatchlistEnv } from './watchlist.env';

@Module({})
export class WatchlistModule {
  static register(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: WatchlistModule,
      imports: [
        ObservabilityModule.forRoot('watchlist', env),
        KafkaModule.forRoot({ clientSuffix: 'watchlist', env }),
        AuthModule.forRoot(env),
      ],
      controllers: [ImportListHttpController, CatalogueHttpController],
      providers: [
        { provide: WATCHLIST_ENV, useValue: loadEnv(WatchlistEnv, env) },
        ListStateService,
        ImportListUseCase,
      ],
    };
  }
}
