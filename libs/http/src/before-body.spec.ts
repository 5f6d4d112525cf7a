import { ConcurrencyGate } from './before-body';

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
