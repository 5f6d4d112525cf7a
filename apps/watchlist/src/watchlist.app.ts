import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { loadEnv } from '@paxscreen/contracts';
import { checkBeforeBody, closeOnFailure, createHttpApp, listen, staffChecks } from '@paxscreen/http';

import { WatchlistModule } from './app.module';
import { WatchlistEnv } from './watchlist.env';

/** Builds and starts the watchlist service: list imports, versions, diffs, catalogue. */
export async function startWatchlist(env: NodeJS.ProcessEnv = process.env): Promise<NestFastifyApplication> {
  const settings = loadEnv(WatchlistEnv, env);
  const app = await createHttpApp(WatchlistModule.register(env), {
    env,
    bodyLimit: settings.WATCHLIST_UPLOAD_LIMIT,
    openApi: {
      title: 'paxscreen watchlist',
      description: 'List imports, versions and catalogue (admins)',
      version: '1',
    },
  });
  return closeOnFailure(app, async () => {
    // A list upload's token and role are checked before its (up to WATCHLIST_UPLOAD_LIMIT) body is read.
    checkBeforeBody(app.getHttpAdapter().getInstance(), staffChecks(app));
    await listen(app, settings.WATCHLIST_PORT);
  });
}
