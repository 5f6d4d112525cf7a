import { type FormEvent, useState } from 'react';

import { api } from '../shared/api';
import { useLoad } from '../shared/use-load';
import { ErrorNote, Loading } from '../shared/ui';
import { ALERT_KINDS, KIND_LABELS } from './alert-kinds';

interface SubscriptionView {
  subscriptionId: string;
  channel: 'LIVE' | 'WEBHOOK' | 'EMAIL';
  ports: string[];
  listIds: string[];
  kinds: (keyof typeof KIND_LABELS)[];
  target: string | null;
  createdAt: string;
}

const split = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/** Your alert subscriptions: by port, list and/or kind, live in the bell, by signed webhook or by e-mail. */
export function SubscriptionsPage() {
  const mine = useLoad('subs', (signal) =>
    api<{ items: SubscriptionView[] }>('/v1/workbench/alert-subscriptions', { signal }),
  );
  const [channel, setChannel] = useState<SubscriptionView['channel']>('LIVE');
  const [ports, setPorts] = useState('');
  const [lists, setLists] = useState('');
  const [kinds, setKinds] = useState<SubscriptionView['kinds']>([]);
  const [target, setTarget] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<Error>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('/v1/workbench/alert-subscriptions', {
        method: 'POST',
        body: {
          channel,
          ports: split(ports),
          listIds: split(lists),
          kinds,
          ...(channel === 'WEBHOOK' ? { url: target, secret } : channel === 'EMAIL' ? { email: target } : {}),
        },
      });
      setPorts('');
      setLists('');
      setKinds([]);
      setTarget('');
      setSecret('');
      mine.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  const remove = async (id: string) => {
    await api(`/v1/workbench/alert-subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(
      setError,
    );
    mine.reload();
  };

  return (
    <main>
      <h1>Alert subscriptions</h1>
      <p className="muted">
        Without a live subscription the bell shows the alerts of your token’s port (or all alerts when it
        names none).
      </p>
      <ErrorNote error={mine.error} />
      <Loading when={mine.loading && !mine.data} />
      <table aria-label="Subscriptions">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Ports</th>
            <th scope="col">Lists</th>
            <th scope="col">Kinds</th>
            <th scope="col">To</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {mine.data?.items.map((s) => (
            <tr key={s.subscriptionId}>
              <td>{s.channel}</td>
              <td>{s.ports.join(', ') || 'any'}</td>
              <td>{s.listIds.join(', ') || 'any'}</td>
              <td>{s.kinds.map((k) => KIND_LABELS[k]).join(', ') || 'any'}</td>
              <td>{s.target ?? 'the bell'}</td>
              <td>
                <button type="button" className="secondary" onClick={() => void remove(s.subscriptionId)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void submit(e)} className="panel stack" aria-label="New subscription">
        <label>
          Channel
          <select
            name="channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as SubscriptionView['channel'])}
          >
            <option value="LIVE">Live (the bell)</option>
            <option value="WEBHOOK">Signed webhook</option>
            <option value="EMAIL">E-mail</option>
          </select>
        </label>
        <label>
          Ports (comma-separated, empty = any)
          <input name="ports" value={ports} onChange={(e) => setPorts(e.target.value)} />
        </label>
        <label>
          Lists (comma-separated, empty = any)
          <input name="lists" value={lists} onChange={(e) => setLists(e.target.value)} />
        </label>
        <label>
          Kinds (none selected = any)
          <select
            name="kinds"
            multiple
            size={ALERT_KINDS.length}
            value={kinds}
            onChange={(e) =>
              setKinds([...e.target.selectedOptions].map((o) => o.value as SubscriptionView['kinds'][number]))
            }
          >
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {channel !== 'LIVE' && (
          <label>
            {channel === 'WEBHOOK' ? 'URL' : 'E-mail address'}
            <input name="target" value={target} onChange={(e) => setTarget(e.target.value)} required />
          </label>
        )}
        {channel === 'WEBHOOK' && (
          <label>
            Signing secret (16+ characters)
            <input
              name="secret"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              required
              minLength={16}
            />
          </label>
        )}
        <button type="submit">Subscribe</button>
      </form>
      <ErrorNote error={error} />
    </main>
  );
}
