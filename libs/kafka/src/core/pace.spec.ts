import { Pace } from './pace';

describe('Pace', () => {
  it('lets the first request and any after a quiet interval go at once', async () => {
    const pace = new Pace(50);
    const started = performance.now();
    await pace.next();
    pace.began(performance.now() - 60);
    await pace.next();
    expect(performance.now() - started).toBeLessThan(25);
  });

  it('holds the next request until the interval since the previous one began, one wait for all callers', async () => {
    const pace = new Pace(30);
    pace.began();
    const started = performance.now();
    const a = pace.next();
    const b = pace.next();
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('never waits when the interval is 0', async () => {
    const pace = new Pace(0);
    pace.began();
    const started = performance.now();
    await pace.next();
    expect(performance.now() - started).toBeLessThan(25);
  });
});
