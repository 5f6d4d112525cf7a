import Fastify from 'fastify';

import { ApiError } from './api-error';
import { ConcurrencyGate, limitConcurrency, releaseSlot, TakeTurns } from './before-body';

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

describe('limitConcurrency', () => {
  /** A gate of one slot, no queue, before POST /work, whose handler waits until `finish`. */
  async function gated(giveBack: boolean) {
    const fastify = Fastify();
    const gate = new ConcurrencyGate(1, 0);
    limitConcurrency(fastify, new Set(['POST /work']), gate, () => new ApiError(503, 'BUSY', 'busy'));
    fastify.setErrorHandler((err, _req, reply) =>
      reply.status(err instanceof ApiError ? err.getStatus() : 500).send({ code: (err as ApiError).code }),
    );
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const entered: (() => void)[] = [];
    fastify.post('/work', async (req) => {
      if (giveBack) {
        releaseSlot(req);
        releaseSlot(req); // once only
      }
      entered.shift()?.();
      await finished;
      return { done: true };
    });
    await fastify.ready();
    const post = async () => {
      const inside = new Promise<void>((r) => entered.push(r));
      const res = fastify.inject({ method: 'POST', url: '/work', payload: { x: 1 } });
      return { res, inside };
    };
    return { fastify, gate, finish, post };
  }

  it('holds the slot for the whole request: a second one is refused while the first waits', async () => {
    const { fastify, gate, finish, post } = await gated(false);
    const first = await post();
    await first.inside;
    const second = await (await post()).res;
    expect([second.statusCode, second.json()]).toEqual([503, { code: 'BUSY' }]);
    finish();
    expect((await first.res).statusCode).toBe(200);
    expect(gate.inProgress).toBe(0);
    await fastify.close();
  });

  it('admits the next request once a route gives its slot back (releaseSlot), and counts it once', async () => {
    const { fastify, gate, finish, post } = await gated(true);
    const first = await post();
    await first.inside;
    expect(gate.inProgress).toBe(0);
    const second = await post();
    await second.inside;
    finish();
    expect([(await first.res).statusCode, (await second.res).statusCode]).toEqual([200, 200]);
    expect(gate.inProgress).toBe(0);
    await fastify.close();
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
