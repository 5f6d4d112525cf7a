import type { Alert } from '@paxscreen/contracts';

type AlertEvent = Pick<
  Alert.Value,
  | 'alertId'
  | 'kind'
  | 'hitId'
  | 'incidentId'
  | 'port'
  | 'outcome'
  | 'priority'
  | 'createdAt'
  | 'summary'
  | 'listIds'
  | 'flight'
>;
export type LiveAlert = AlertEvent;

/**
 * Reads the workbench's alert stream (server-sent events) with fetch, so the token travels in the
 * Authorization header (EventSource cannot send one); reconnects after a drop or the stream's
 * lifetime, with a growing pause. Returns what stops it.
 */
export function followAlerts(
  token: string,
  handlers: {
    recent: (alerts: LiveAlert[]) => void;
    alert: (alert: LiveAlert) => void;
    status: (live: boolean) => void;
  },
): () => void {
  const abort = new AbortController();
  let pause = 1000;
  const run = async () => {
    while (!abort.signal.aborted) {
      try {
        const res = await fetch('/v1/workbench/alerts/stream', {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (res.status === 401) return handlers.status(false);
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        handlers.status(true);
        pause = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (!event || !data) continue;
            if (event === 'recent') handlers.recent(JSON.parse(data) as LiveAlert[]);
            if (event === 'alert') handlers.alert(JSON.parse(data) as LiveAlert);
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      handlers.status(false);
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 30_000);
    }
  };
  void run();
  return () => abort.abort();
}
