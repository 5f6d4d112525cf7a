import { Client } from 'pg';

import type { PostgresSettings } from './database';

export interface NotificationHandlers {
  /** A NOTIFY on the channel arrived (its payload, if any). */
  onNotify: (payload: string | undefined) => void;
  /**
   * The session is listening (first time, or again after a lost connection): whatever was
   * notified while it was not is lost, so a listener reloads here.
   */
  onListening?: () => void;
  /** The session could not connect or was lost; it tries again after `retryMs`. */
  onLost?: (err: unknown) => void;
}

export interface Listening {
  close: () => Promise<void>;
}

/** Channel names are identifiers: letters, digits and underscores only (no quoting games). */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Keeps one dedicated session LISTENing on `channel` (a pooled connection cannot: it goes back to
 * the pool). A lost or refused connection is retried every `retryMs` for as long as the listener
 * is open; it never throws into the caller.
 */
export function listenForNotifications(
  settings: PostgresSettings,
  channel: string,
  handlers: NotificationHandlers,
  { retryMs = 2000, applicationName = 'paxscreen-listen' } = {},
): Listening {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let closed = false;
  let client: Client | undefined;
  let timer: NodeJS.Timeout | undefined;

  const retry = (err: unknown) => {
    if (closed) return;
    handlers.onLost?.(err);
    const lost = client;
    client = undefined;
    void lost?.end().catch(() => undefined);
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), retryMs);
  };

  const connect = async () => {
    if (closed) return;
    const c = new Client({
      connectionString: settings.url,
      application_name: applicationName,
      connectionTimeoutMillis: Math.min(settings.statementTimeoutMs, 10_000),
    });
    client = c;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed || client !== c) return;
      failed = true;
      retry(err);
    };
    c.on('error', fail);
    c.on('end', () => fail(new Error('listening connection ended')));
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.onNotify(n.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (closed) {
        await c.end();
        return;
      }
      handlers.onListening?.();
    } catch (err) {
      fail(err);
    }
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
