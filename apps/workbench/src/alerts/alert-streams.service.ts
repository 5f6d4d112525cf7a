import type { ServerResponse } from 'node:http';

import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';

import { type LiveClient, sseEvent, type Subscription } from '@paxscreen/alerts';
import { startEventStream } from '@paxscreen/http';

import { WorkbenchEnv } from '../workbench.env';
import { WORKBENCH_ENV } from '../tokens';
import { LiveAlertsService } from './live-alerts.service';

const MINUTE_MS = 60_000;
/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 20_000;

/**
 * The open alert streams: each starts with the recent alerts its user may see (`recent`), then one
 * `alert` event per new alert. A client that does not keep up misses alerts rather than piling
 * them up here (the bell re-reads the recent ones when it reconnects). Streams end after
 * WORKBENCH_STREAM_MAX_MINUTES (the page reconnects and its token is verified again) and at shutdown.
 */
@Injectable()
export class AlertStreamsService implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(
    @Inject(LiveAlertsService) private readonly live: LiveAlertsService,
    @Inject(WORKBENCH_ENV) private readonly env: WorkbenchEnv,
  ) {}

  get full(): boolean {
    return this.open.size >= this.env.WORKBENCH_MAX_STREAMS;
  }

  serve(res: ServerResponse, requestId: string, who: Omit<LiveClient, 'send'>): void {
    startEventStream(res, requestId);
    const client: LiveClient = {
      ...who,
      send: (event, data) => {
        if (!res.writableNeedDrain) res.write(sseEvent(event, data));
      },
    };
    res.write(sseEvent('recent', this.live.hub.recentFor(client)));
    const remove = this.live.hub.add(client);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const expiry = setTimeout(() => {
      res.write(sseEvent('reauthenticate', { reason: 'stream lifetime reached' }));
      close();
    }, this.env.WORKBENCH_STREAM_MAX_MINUTES * MINUTE_MS);
    const close = () => {
      if (!this.open.delete(close)) return;
      remove();
      clearInterval(keepAlive);
      clearTimeout(expiry);
      res.end();
    };
    this.open.add(close);
    res.on('close', close);
  }

  subscriptionsChanged(owner: string, live: Subscription[]): void {
    this.live.hub.updateSubscriptions(owner, live);
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }
}
