import { LeasedCounter, type TakeLease } from './leased-counter';

/** A shared counter as Redis keeps it (fixed windows), for several instances, with a clock. */
function sharedCounters(windowMs: number) {
  let now = 1_000_000;
  const counters = new Map<string, { total: number; until: number }>();
  const calls: { key: string; amount: number }[] = [];
  const take: TakeLease = async (key, amount) => {
    await Promise.resolve();
    calls.push({ key, amount });
    let c = counters.get(key);
    if (!c || c.until <= now) counters.set(key, (c = { total: 0, until: now + windowMs }));
    c.total += amount;
    return { total: c.total, ttlMs: c.until - now };
  };
  return {
    take,
    calls,
    clock: () => now,
    advance: (ms: number) => (now += ms),
  };
}

const WINDOW = 60_000;

async function admitted(counter: LeasedCounter, key: string, requests: number, max: number) {
  let n = 0;
  for (let i = 0; i < requests; i++) if ((await counter.count(key, WINDOW, max)).current <= max) n++;
  return n;
}

describe('LeasedCounter', () => {
  it('numbers requests 1, 2, 3… in a window, with the ms left, and starts again in the next', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock });
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await counter.count('k', WINDOW, 1_000));
    expect(seen.map((s) => s.current)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[0].ttl).toBe(WINDOW);
    redis.advance(WINDOW);
    expect((await counter.count('k', WINDOW, 1_000)).current).toBe(1);
  });

  it('takes leases that double while used up, so a busy key costs few round trips', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock });
    expect(await admitted(counter, 'k', 1_000, 100_000)).toBe(1_000);
    expect(redis.calls.map((c) => c.amount)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
  });

  it('caps a lease at 1 % of the limit, and takes one number at a time under a small limit', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock });
    await admitted(counter, 'big', 3_000, 1_000);
    expect(Math.max(...redis.calls.filter((c) => c.key === 'big').map((c) => c.amount))).toBe(10);
    await admitted(counter, 'small', 3, 3);
    expect(redis.calls.filter((c) => c.key === 'small').map((c) => c.amount)).toEqual([1, 1, 1]);
  });

  it('never admits more than the limit in a window across instances, and refuses locally after', async () => {
    const redis = sharedCounters(WINDOW);
    const instances = [1, 2, 3].map(() => new LeasedCounter(redis.take, { now: redis.clock }));
    const max = 5_000;
    let admittedTotal = 0;
    for (let i = 0; i < 9_000; i++)
      if ((await instances[i % 3].count('officer', WINDOW, max)).current <= max) admittedTotal++;
    expect(admittedTotal).toBeLessThanOrEqual(max);
    // What the three can leave unused: each at most one capped lease (1 % of the limit).
    expect(admittedTotal).toBeGreaterThanOrEqual(max - 3 * (max * 0.01 - 1));
    const trips = redis.calls.length;
    for (const c of instances) expect((await c.count('officer', WINDOW, max)).current).toBeGreaterThan(max);
    expect(redis.calls.length).toBe(trips);
    redis.advance(WINDOW);
    expect((await instances[0].count('officer', WINDOW, max)).current).toBe(1);
  });

  it('shares one lease among concurrent requests instead of taking one each', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock });
    await admitted(counter, 'k', 7, 100_000); // leases 1, 2, 4 used up: the next is 8
    const numbers = await Promise.all(Array.from({ length: 8 }, () => counter.count('k', WINDOW, 100_000)));
    expect(numbers.map((n) => n.current).sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(redis.calls.map((c) => c.amount)).toEqual([1, 2, 4, 8]);
  });

  it('keys count apart', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock });
    expect(await admitted(counter, 'a', 3, 2)).toBe(2);
    expect(await admitted(counter, 'b', 3, 2)).toBe(2);
  });

  it('rejects when the counter cannot be reached, and counts again once it can', async () => {
    const redis = sharedCounters(WINDOW);
    let down = true;
    const take: TakeLease = (key, amount, windowMs) =>
      down ? Promise.reject(new Error('Connection is closed.')) : redis.take(key, amount, windowMs);
    const counter = new LeasedCounter(take, { now: redis.clock });
    await expect(
      Promise.all([counter.count('k', WINDOW, 10), counter.count('k', WINDOW, 10)]),
    ).rejects.toThrow('Connection is closed.');
    down = false;
    expect((await counter.count('k', WINDOW, 10)).current).toBe(1);
  });

  it('forgets the older half of its keys when full, which can only refuse early', async () => {
    const redis = sharedCounters(WINDOW);
    const counter = new LeasedCounter(redis.take, { now: redis.clock, maxKeys: 4 });
    // 'a' holds leases of 1, 2 and 4 numbers (1 to 7) and has used 1 to 4.
    for (const k of ['a', 'b', 'c', 'd', 'e']) await admitted(counter, k, 4, 1_000);
    // Forgotten: 5 to 7 are lost, never handed out twice.
    expect((await counter.count('a', WINDOW, 1_000)).current).toBe(8);
    expect((await counter.count('e', WINDOW, 1_000)).current).toBe(5);
  });
});
