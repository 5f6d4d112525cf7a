import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { callLoad, keptConnections, pacedHttpLoad, type PacedResponse, pooled } from './load';

/**
 * One spec for both paced loaders: `open` (iapi) and `closed` (poe, like callLoad). A server that
 * answers after `delay` ms, 500 for /fail, and drops the connection for /drop.
 */
describe('pacedHttpLoad', () => {
  let server: Server;
  let base: string;
  const arrivals: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let delay = 5;

  beforeAll(async () => {
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        setTimeout(() => {
          inFlight--;
          if (req.url === '/drop') return res.destroy();
          res.statusCode = req.url === '/fail' ? 500 : 200;
          res.end(Buffer.concat(chunks));
        }, delay),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    arrivals.splice(0);
    mostInFlight = 0;
    delay = 5;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['open', 'closed'] as const)(
    '%s: spreads the requests over the run instead of sending each second at its start',
    async (loop) => {
      const answers: PacedResponse[] = [];
      const start = performance.now();
      const r = await pacedHttpLoad({
        url: `${base}/x`,
        method: 'POST',
        bodies: ['a', 'b'],
        connections: 16,
        seconds: 0.5,
        rate: 200,
        loop,
        onResponse: (a) => answers.push(a),
      });
      expect(r.errors).toBe(0);
      // Open: exactly seconds × rate; closed: as many as are due before the end (100, give or take
      // the one the 16 workers start at the last instant).
      if (loop === 'open') expect(r.requests).toBe(100);
      else expect(r.requests).toBeGreaterThanOrEqual(95);
      // Request k is never sent before start + k / 200 s, however loaded the machine (a burst
      // would send the 50th and the 95th at once).
      arrivals.sort((a, b) => a - b);
      expect(arrivals[49] - start).toBeGreaterThanOrEqual(244);
      expect(arrivals[94] - start).toBeGreaterThanOrEqual(469);
      // The bodies taken in turn (answers may come back in any order).
      expect(answers.filter((a) => a.body === 'a').length).toBeGreaterThanOrEqual(Math.floor(r.requests / 2));
      expect(answers.every((a) => a.status === 200 && a.doneAt >= a.sentAt)).toBe(true);
      // Latency is measured to the answer, the server's 5 ms included.
      expect(r.p50).toBeGreaterThanOrEqual(5);
    },
  );

  it('closed: never more than `connections` in flight, the schedule waiting for an answer', async () => {
    delay = 40;
    const r = await pacedHttpLoad({
      url: `${base}/x`,
      connections: 2,
      seconds: 0.4,
      rate: 200,
      loop: 'closed',
    });
    expect(mostInFlight).toBe(2);
    // Two in flight for 40 ms each: about 50/s could be sent, not the 200/s asked for.
    expect(r.requests).toBeLessThanOrEqual(24);
    // A request waits for its turn before it is sent, so that wait is not in its latency.
    expect(r.p99).toBeLessThan(200);
  });

  it('open: a request waits for a free connection, and that wait counts in its latency', async () => {
    delay = 40;
    const r = await pacedHttpLoad({ url: `${base}/x`, connections: 2, seconds: 0.2, rate: 200 });
    expect(mostInFlight).toBe(2);
    expect(r.requests).toBe(40);
    // 40 requests through 2 connections at 40 ms: the last ones wait about 20 answers' worth.
    expect(r.max).toBeGreaterThan(500);
  });

  it('closed, with kept connections: a run in turns with another opens no new connection', async () => {
    let opened = 0;
    const count = () => opened++;
    server.on('connection', count);
    const agent = keptConnections(4);
    try {
      const run = (rate: number) =>
        pacedHttpLoad({ url: `${base}/x`, connections: 4, seconds: 0.2, rate, loop: 'closed', agent });
      // Unpaced: all four in flight at once, so all four opened.
      const first = await run(1e6);
      expect(opened).toBe(4);
      const second = await run(100);
      expect(first.errors + second.errors).toBe(0);
      expect(second.requests).toBeGreaterThanOrEqual(15);
      // The second run used the first one's connections: they were not closed with the run.
      expect(opened).toBe(4);
    } finally {
      server.off('connection', count);
      agent.destroy();
    }
  });

  it.each(['open', 'closed'] as const)(
    '%s: counts a refused status and a dropped connection as errors and goes on',
    async (loop) => {
      const r = await pacedHttpLoad({
        url: base,
        paths: ['/x', '/fail', '/drop', '/x'],
        connections: 4,
        seconds: 0.2,
        rate: 100,
        loop,
      });
      const sent = r.requests + r.errors;
      expect(sent).toBeGreaterThanOrEqual(19);
      // Request k took path k mod 4: every /fail and /drop counted, every /x timed.
      const failing = Array.from({ length: sent }, (_, k) => k % 4).filter((m) => m === 1 || m === 2);
      expect(r.errors).toBe(failing.length);
      expect(r.p50).toBeGreaterThanOrEqual(5);
    },
  );
});

describe('pooled', () => {
  it('pools runs taken in turns: percentiles over every latency, counts and time added', async () => {
    let calls = 0;
    const fast = await callLoad(async () => void calls++, { concurrency: 1, seconds: 0.1, rate: 100 });
    const slow = await callLoad(
      (i) => (i % 2 ? new Promise((r) => setTimeout(r, 20)) : Promise.reject(new Error('no'))),
      { concurrency: 1, seconds: 0.1, rate: 100 },
    );
    const both = pooled([fast, slow]);
    expect(both.requests).toBe(fast.requests + slow.requests);
    expect(both.errors).toBe(slow.errors);
    expect(slow.errors).toBeGreaterThan(0);
    expect(both.seconds).toBeCloseTo(fast.seconds + slow.seconds, 5);
    expect(both.perS).toBeCloseTo(both.requests / both.seconds, 5);
    expect(both.max).toBe(slow.max);
    expect(both.latencies).toEqual([...fast.latencies, ...slow.latencies].sort((a, b) => a - b));
    expect(both.p50).toBeLessThan(slow.p50);
  });
});
