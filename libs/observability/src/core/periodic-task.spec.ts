import { Writable } from 'node:stream';

import { createLogger } from './logger';
import { errorSummary, PeriodicTask } from './periodic-task';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A logger whose JSON lines the test reads. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const text: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      text.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'test', destination }), lines, text };
}

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs its tick every interval, never two at once, and skips ticks while one runs', async () => {
    const { logger } = capturedLogger();
    let active = 0;
    let maxActive = 0;
    const runs: ReturnType<typeof deferred<void>>[] = [];
    const task = new PeriodicTask({
      name: 'test task',
      everyMs: 100,
      logger,
      tick: () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        const d = deferred();
        runs.push(d);
        return d.promise.finally(() => (active -= 1));
      },
    });
    task.start();

    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(500); // five more ticks while the first still runs
    expect(runs).toHaveLength(1);
    expect(task.busy).toBe(true);

    runs[0].resolve();
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await task.stop();
    expect(maxActive).toBe(1);
  });

  it('logs a failed run without the personal data the error carries, and the next tick runs', async () => {
    const { logger, lines, text } = capturedLogger();
    let calls = 0;
    const task = new PeriodicTask({
      name: 'retention run',
      everyMs: 100,
      logger,
      tick: async () => {
        calls += 1;
        if (calls === 1)
          throw Object.assign(new Error('duplicate key value violates unique constraint'), {
            code: '23505',
            detail: 'Key (surname)=(KOWALSKI) already exists.',
            traveller: { surname: 'KOWALSKI', documentNumber: 'P1234567' },
          });
      },
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);
    await jest.advanceTimersByTimeAsync(100);
    await task.stop();
    logger.flush();

    expect(calls).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      task: 'retention run',
      err: { type: 'Error', message: 'duplicate key value violates unique constraint', code: '23505' },
      msg: 'retention run failed; the next run retries',
    });
    expect(text.join('')).not.toMatch(/KOWALSKI|P1234567/);
  });

  it('stop() clears the timer and waits for the run in progress', async () => {
    const { logger } = capturedLogger();
    const run = deferred();
    let calls = 0;
    const task = new PeriodicTask({
      name: 'test task',
      everyMs: 100,
      logger,
      tick: () => {
        calls += 1;
        return run.promise;
      },
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);
    expect(calls).toBe(1);

    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    run.resolve();
    await stopping;
    expect(stopped).toBe(true);

    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
  });

  it('run(work) waits for the tick in progress and hands its result or error to the caller', async () => {
    const { logger, lines } = capturedLogger();
    const tick = deferred();
    const order: string[] = [];
    const task = new PeriodicTask({
      name: 'test task',
      everyMs: 100,
      logger,
      tick: async () => {
        order.push('tick start');
        await tick.promise;
        order.push('tick end');
      },
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);

    const result = task.run(async () => {
      order.push('work');
      return 42;
    });
    const failure = task.run(() => Promise.reject(new Error('refused')));
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['tick start']);
    tick.resolve();
    await expect(result).resolves.toBe(42);
    await expect(failure).rejects.toThrow('refused');
    expect(order).toEqual(['tick start', 'tick end', 'work']);
    expect(lines).toHaveLength(0); // the caller owns the error of its own run
    await task.stop();
  });

  it('tick() runs once now, logs rather than throws, and does not start the timer', async () => {
    const { logger, lines } = capturedLogger();
    let calls = 0;
    const task = new PeriodicTask({
      name: 'scan',
      everyMs: 100,
      logger,
      tick: async () => {
        calls += 1;
        throw new Error('down');
      },
    });
    await expect(task.tick()).resolves.toBeUndefined();
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
    logger.flush();
    expect(lines).toHaveLength(1);
  });
});

describe('errorSummary', () => {
  it('keeps type, message and code, and says only the type of a thrown non-error', () => {
    expect(errorSummary(Object.assign(new TypeError('bad'), { code: 'E1', detail: 'x' }))).toEqual({
      type: 'TypeError',
      message: 'bad',
      code: 'E1',
    });
    expect(errorSummary({ surname: 'KOWALSKI' })).toEqual({ type: 'object' });
    expect(errorSummary('KOWALSKI')).toEqual({ type: 'string' });
  });
});
