import type { Subscription } from '../core/subscription';
import { alert, subscription } from '../core/alerts.fixture';
import { AlertDelivery, type DeliveryOutcome, type DeliveryStore } from './alert-delivery';
import type { NewDelivery, PendingDelivery } from './alerts.repository';
import { DeliveryFailed } from './senders';

interface Row {
  delivery: PendingDelivery;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  dueAt: number;
  error?: string;
}

/** The delivery table in memory, with the repository's semantics (idempotent filing, leases). */
class MemoryStore implements DeliveryStore {
  readonly rows = new Map<string, Row>();
  now = 0;
  constructor(private readonly subscriptions: Subscription[]) {}
  async subscriptionsOn(channels: readonly string[]) {
    return this.subscriptions.filter((s) => channels.includes(s.channel));
  }
  async fileDeliveries(deliveries: readonly NewDelivery[], leaseMs: number) {
    const filed: PendingDelivery[] = [];
    for (const d of deliveries) {
      const deliveryId = `${d.alert.alertId}:${d.subscription.subscriptionId}`;
      if (this.rows.has(deliveryId)) continue;
      const delivery = { ...d, deliveryId, attempts: 0 };
      this.rows.set(deliveryId, { delivery, status: 'PENDING', dueAt: this.now + leaseMs });
      filed.push(delivery);
    }
    return filed;
  }
  async leaseDue(limit: number, leaseMs: number) {
    const due = [...this.rows.values()]
      .filter((r) => r.status === 'PENDING' && r.dueAt <= this.now)
      .slice(0, limit);
    due.forEach((r) => (r.dueAt = this.now + leaseMs));
    return due.map((r) => r.delivery);
  }
  async markDelivered(id: string, attempts: number) {
    this.set(id, { status: 'DELIVERED' }, attempts);
  }
  async scheduleRetry(id: string, attempts: number, delayMs: number, error: string) {
    this.set(id, { dueAt: this.now + delayMs, error }, attempts);
  }
  async finish(id: string, status: 'DEAD', attempts: number, error: string) {
    this.set(id, { status, error }, attempts);
  }
  private set(id: string, change: Partial<Row>, attempts: number) {
    const row = this.rows.get(id)!;
    Object.assign(row, change);
    row.delivery = { ...row.delivery, attempts };
  }
}

/** A sender that fails its first `failures` sends. */
const sender = (failures: number) => {
  const sent: string[] = [];
  return {
    sent,
    send: async (d: PendingDelivery) => {
      sent.push(d.deliveryId);
      if (sent.length <= failures) throw new DeliveryFailed('webhook answered HTTP 503');
    },
  };
};

const hook = subscription({
  subscriptionId: 'hook',
  channel: 'WEBHOOK',
  ports: ['SYD'],
  target: 'https://h',
  secret: 's',
});
const mail = subscription({
  subscriptionId: 'mail',
  channel: 'EMAIL',
  listIds: ['EU'],
  target: 'desk@agency.example',
});
const live = subscription({ subscriptionId: 'live', channel: 'LIVE' });
const backoff = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };
const read = (over = {}) => ({ alert: alert(over), partition: 0, offset: '7' });

function setup(failures: number) {
  const store = new MemoryStore([hook, mail, live]);
  const webhook = sender(failures);
  const email = sender(0);
  const dead: string[] = [];
  const outcomes: DeliveryOutcome[] = [];
  const delivery = new AlertDelivery({
    repository: store,
    senders: { WEBHOOK: webhook, EMAIL: email },
    backoff,
    leaseMs: 30_000,
    onDead: async (d, reason) => void dead.push(`${d.deliveryId} ${reason}`),
    onOutcome: (_d, o) => void outcomes.push(o),
  });
  return { store, webhook, email, dead, outcomes, delivery };
}

describe('AlertDelivery', () => {
  it('files one delivery per matching webhook or e-mail subscription (never LIVE) and sends it at once', async () => {
    const { store, webhook, email, delivery } = setup(0);
    expect(await delivery.accept([read({ port: 'SYD', listIds: ['UN'] })])).toBe(1);
    await delivery.drain();
    expect(webhook.sent).toEqual(['al-1:hook']);
    expect(email.sent).toEqual([]);
    expect(store.rows.get('al-1:hook')).toMatchObject({ status: 'DELIVERED', delivery: { attempts: 1 } });
  });

  it('files nothing new for an alert read twice', async () => {
    const { webhook, delivery } = setup(0);
    await delivery.accept([read()]);
    expect(await delivery.accept([read()])).toBe(0);
    await delivery.drain();
    expect(webhook.sent).toHaveLength(1);
  });

  it('retries a failed attempt when its backoff has passed, and records the success', async () => {
    const { store, webhook, delivery } = setup(1);
    await delivery.accept([read()]);
    await delivery.drain();
    const row = store.rows.get('al-1:hook')!;
    expect(row).toMatchObject({ status: 'PENDING', error: 'webhook answered HTTP 503' });
    expect(row.dueAt).toBeGreaterThanOrEqual(500);
    expect(await delivery.retryDue()).toBe(0);
    store.now = row.dueAt;
    expect(await delivery.retryDue()).toBe(1);
    expect(webhook.sent).toHaveLength(2);
    expect(store.rows.get('al-1:hook')).toMatchObject({ status: 'DELIVERED', delivery: { attempts: 2 } });
  });

  it('dead-letters a delivery after its last attempt, once', async () => {
    const { store, webhook, dead, outcomes, delivery } = setup(Infinity);
    await delivery.accept([read()]);
    await delivery.drain();
    for (let i = 0; i < 5; i++) {
      store.now += backoff.maxDelayMs;
      await delivery.retryDue();
    }
    expect(webhook.sent).toHaveLength(3);
    expect(store.rows.get('al-1:hook')).toMatchObject({ status: 'DEAD', delivery: { attempts: 3 } });
    expect(dead).toEqual(['al-1:hook webhook answered HTTP 503']);
    expect(outcomes.map((o) => o.result)).toEqual(['RETRY', 'RETRY', 'DEAD']);
  });

  it('counts a channel without a sender (no SMTP configured) as a failed attempt', async () => {
    const store = new MemoryStore([mail]);
    const delivery = new AlertDelivery({
      repository: store,
      senders: {},
      backoff,
      leaseMs: 30_000,
      onDead: async () => undefined,
    });
    await delivery.accept([read({ listIds: ['EU'], port: 'MEL' })]);
    await delivery.drain();
    expect(store.rows.get('al-1:mail')).toMatchObject({
      status: 'PENDING',
      error: 'no EMAIL sender configured',
    });
  });
});
