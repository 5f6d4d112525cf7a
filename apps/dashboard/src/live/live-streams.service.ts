import type { ServerResponse } from 'node:http';

import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';

import { sseFrame, ViewStream } from '@paxscreen/dashboard';
import { startEventStream } from '@paxscreen/http';

import { DashboardEnv } from '../dashboard.env';
import { DASHBOARD_ENV } from '../tokens';
import { LiveFeedService } from './live-feed.service';

const MINUTE_MS = 60_000;

/**
 * The open server-sent-event streams. Each gets the whole view, then an update every
 * DASHBOARD_PUSH_MS; a client that does not keep up is skipped (nothing piles up in memory) and
 * resynchronised with a fresh snapshot once it drains. Streams end after
 * DASHBOARD_STREAM_MAX_MINUTES (the page reconnects and its token is verified again) and when the
 * app shuts down (an open stream would otherwise hold the HTTP server open).
 */
@Injectable()
export class LiveStreamsService implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(
    @Inject(LiveFeedService) private readonly feed: LiveFeedService,
    @Inject(DASHBOARD_ENV) private readonly env: DashboardEnv,
  ) {}

  get full(): boolean {
    return this.open.size >= this.env.DASHBOARD_MAX_STREAMS;
  }

  serve(res: ServerResponse, requestId: string): void {
    startEventStream(res, requestId);
    const stream = new ViewStream(this.feed.state);
    let lagging = false;
    const push = () => {
      if (res.writableNeedDrain) {
        lagging = true;
        return;
      }
      if (lagging) {
        stream.reset();
        lagging = false;
      }
      const message = stream.next();
      res.write(sseFrame(message.event, message.data));
    };
    const timer = setInterval(push, this.env.DASHBOARD_PUSH_MS);
    const expiry = setTimeout(() => {
      res.write(sseFrame('reauthenticate', { reason: 'stream lifetime reached' }));
      close();
    }, this.env.DASHBOARD_STREAM_MAX_MINUTES * MINUTE_MS);
    const close = () => {
      if (!this.open.delete(close)) return;
      clearInterval(timer);
      clearTimeout(expiry);
      res.end();
    };
    this.open.add(close);
    res.on('close', close);
    push();
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
  }
}
