import { alert, subscription } from './alerts.fixture';
import { LiveHub, sseEvent } from './live-hub';

const client = (owner: string, post?: string, live = [] as ReturnType<typeof subscription>[]) => {
  const sent: unknown[] = [];
  return { owner, post, live, sent, send: (_e: string, d: unknown) => void sent.push(d) };
};

describe('LiveHub', () => {
  it('sends an alert to the streams that should see it', () => {
    const hub = new LiveHub();
    const sydney = client('a', 'SYD');
    const melbourne = client('b', 'MEL');
    const national = client('c');
    [sydney, melbourne, national].forEach((c) => hub.add(c));
    expect(hub.publish(alert({ port: 'SYD' }))).toBe(2);
    expect([sydney.sent.length, melbourne.sent.length, national.sent.length]).toEqual([1, 0, 1]);
  });

  it('filters by new subscriptions once they change, and forgets closed streams', () => {
    const hub = new LiveHub();
    const c = client('a', 'SYD');
    const remove = hub.add(c);
    hub.updateSubscriptions('a', [subscription({ owner: 'a', ports: ['MEL'] })]);
    expect(hub.publish(alert({ port: 'SYD' }))).toBe(0);
    expect(hub.publish(alert({ port: 'MEL' }))).toBe(1);
    remove();
    expect(hub.size).toBe(0);
  });

  it('keeps the last alerts for a stream that (re)connects, newest first', () => {
    const hub = new LiveHub(2);
    ['al-1', 'al-2', 'al-3'].forEach((alertId) => hub.publish(alert({ alertId })));
    expect(hub.recentFor({ live: [] }).map((a) => a.alertId)).toEqual(['al-3', 'al-2']);
  });

  it('writes server-sent events on one data line', () => {
    expect(sseEvent('alert', { a: 'x\ny' }, '7')).toBe('id: 7\nevent: alert\ndata: {"a":"x\\ny"}\n\n');
  });
});
