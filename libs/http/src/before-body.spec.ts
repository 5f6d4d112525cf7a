import { ConcurrencyGate, TakeTurns } from './before-body';

describe('ConcurrencyGate', () => {
  it('admits up to the limit, queues up to the queue size, refuses beyond', async () => {
    const gate = new ConcurrencyGate(2, 1);
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    const third = gate.enter();
    expect(third).toBeInstanceOf(Promise);
    expect(gate.queued).toBe(1);
    expect(await gate.enter()).toBe(false);
    gate.leave();
    await expect(third).resolves.toBe(true);
    expect([gate.inProgress, gate.queued]).toEqual([2, 0]);
    gate.leave();
    gate.leave();
    expect(gate.inProgress).toBe(0);
  });

  it('serves the queue first come, first served', async () => {
    const gate = new ConcurrencyGate(1, 5);
    await gate.enter();
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => (gate.enter() as Promise<boolean>).then(() => order.push(n)));
    for (let i = 0; i < 3; i++) gate.leave();
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('TakeTurns', () => {
  it('runs the steps waiting in one turn, in order, within its budget', async () => {
    const turns = new TakeTurns(50);
    const seen: string[] = [];
    const steps = [1, 2, 3].map((n) =>
      turns.run(() => {
        seen.push(`step ${n}`);
        setImmediate(() => seen.push(`io after ${n}`));
        return n;
      }),
    );
    expect(await Promise.all(steps)).toEqual([1, 2, 3]);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['step 1', 'step 2', 'step 3', 'io after 1', 'io after 2', 'io after 3']);
  });

  it('lets other callbacks in once a turn has spent its budget', async () => {
    const turns = new TakeTurns(1);
    const seen: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const steps = [1, 2, 3].map((n) =>
      turns.run(() => {
        seen.push(`step ${n}`);
        setImmediate(() => seen.push(`io after ${n}`));
        busy(2);
        return n;
      }),
    );
    expect(await Promise.all(steps)).toEqual([1, 2, 3]);
    expect(seen.slice(0, 4)).toEqual(['step 1', 'io after 1', 'step 2', 'io after 2']);
  });

  it('passes a failing step on and goes on with the next', async () => {
    const turns = new TakeTurns();
    const failed = turns.run(() => {
      throw new Error('bad');
    });
    await expect(failed).rejects.toThrow('bad');
    await expect(turns.run(() => 'next')).resolves.toBe('next');
  });
});
