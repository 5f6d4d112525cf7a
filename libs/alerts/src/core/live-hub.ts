import type { Alert } from '@paxscreen/contracts';

import { seesLive, type Subscription } from './subscription';

/** One open workbench stream. */
export interface LiveClient {
  owner: string;
  post?: string;
  /** The owner's LIVE subscriptions, as of the stream's start or their last change. */
  live: Subscription[];
  send(event: string, data: unknown): void;
}

/** One server-sent event: `event:` and one `data:` line (JSON has no raw newlines). */
export function sseEvent(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Fans alerts out to open workbench streams, each by its owner's LIVE subscriptions (or their
 * post, see `seesLive`). Remembers the last alerts so a stream that (re)connects starts with them.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly recent: Alert.Value[] = [];

  constructor(private readonly recentLimit = 50) {}

  get size(): number {
    return this.clients.size;
  }

  add(client: LiveClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  /** The recent alerts `client` may see, newest first. */
  recentFor(client: Pick<LiveClient, 'live' | 'post'>): Alert.Value[] {
    return this.recent.filter((a) => seesLive(a, client.live, client.post)).reverse();
  }

  /** A user's LIVE subscriptions changed: their open streams filter by the new ones. */
  updateSubscriptions(owner: string, live: Subscription[]): void {
    for (const c of this.clients) if (c.owner === owner) c.live = live;
  }

  /** Sends `alert` to every stream that should see it; returns how many did. */
  publish(alert: Alert.Value): number {
    this.recent.push(alert);
    if (this.recent.length > this.recentLimit) this.recent.shift();
    let sent = 0;
    for (const c of this.clients) {
      if (!seesLive(alert, c.live, c.post)) continue;
      c.send('alert', alert);
      sent++;
    }
    return sent;
  }
}
