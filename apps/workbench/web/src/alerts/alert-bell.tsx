import { useEffect, useRef, useState } from 'react';

import { href } from '../shared/route';
import { Badge, when } from '../shared/ui';
import { KIND_LABELS } from './alert-kinds';
import { followAlerts, type LiveAlert } from './alert-stream';

const KEPT = 30;

/** "carrier list missing · SYD", or with the route when the alert names both ends of the flight. */
const kindLabel = (a: LiveAlert) => {
  const route =
    a.flight.origin && a.flight.destination ? ` (${a.flight.origin}→${a.flight.destination})` : '';
  // A kind newer than this page reads as its code.
  return `${(KIND_LABELS as Record<string, string | undefined>)[a.kind] ?? a.kind} · ${a.port}${route}`;
};

/** The bell: live alerts for this user (by their subscriptions, or their port), unread count. */
export function AlertBell({ token }: { token: string }) {
  const [alerts, setAlerts] = useState<LiveAlert[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      followAlerts(token, {
        recent: (recent) => setAlerts(recent.slice(0, KEPT)),
        alert: (a) => {
          setAlerts((all) => [a, ...all.filter((x) => x.alertId !== a.alertId)].slice(0, KEPT));
          setUnread((n) => n + 1);
        },
        status: setLive,
      }),
    [token],
  );

  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    panel.current?.querySelector('a')?.focus();
    return () => window.removeEventListener('keydown', close);
  }, [open]);

  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="alert-list"
        aria-label={`Alerts: ${unread} new${live ? '' : ' (reconnecting)'}`}
        onClick={() => {
          setOpen(!open);
          setUnread(0);
        }}
      >
        <span aria-hidden="true">Alerts</span>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
        {!live && (
          <span className="bell-offline" aria-hidden="true">
            ·
          </span>
        )}
      </button>
      {open && (
        <div className="bell-panel" id="alert-list" ref={panel} role="region" aria-label="Recent alerts">
          {alerts.length === 0 && <p className="muted">No alerts yet.</p>}
          <ul>
            {alerts.map((a) => (
              <li key={a.alertId} data-alert-id={a.alertId}>
                {a.hitId ? (
                  <a href={href('hits', a.hitId)} onClick={() => setOpen(false)}>
                    <Badge value={a.outcome} /> {kindLabel(a)}
                  </a>
                ) : (
                  <span>
                    <Badge value={a.outcome} /> {kindLabel(a)}
                  </span>
                )}
                <div className="muted">
                  {a.summary} · {when(a.createdAt)}
                </div>
              </li>
            ))}
          </ul>
          <a href={href('alert-settings')} onClick={() => setOpen(false)}>
            Alert subscriptions…
          </a>
        </div>
      )}
    </div>
  );
}
