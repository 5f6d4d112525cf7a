import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { pacedHttpLoad, type PacedResponse } from './load';

describe('pacedHttpLoad', () => {
  let server: Server;
  let url: string;
  const arrivals: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => setTimeout(() => res.end(Buffer.concat(chunks)), 5));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('spreads the requests over the run instead of sending each second at its start', async () => {
    arrivals.splice(0);
    const answers: PacedResponse[] = [];
    const start = performance.now();
    const r = await pacedHttpLoad({
      url,
      method: 'POST',
      bodies: ['a', 'b'],
      connections: 16,
      seconds: 0.5,
      rate: 200,
      onResponse: (a) => answers.push(a),
    });
    expect(r.requests).toBe(100);
    expect(r.errors).toBe(0);
    // Request k is never sent before start + k / 200 s, however loaded the machine (a burst
    // would send the 50th and the 100th at once).
    arrivals.sort((a, b) => a - b);
    expect(arrivals[49] - start).toBeGreaterThanOrEqual(244);
    expect(arrivals[99] - start).toBeGreaterThanOrEqual(494);
    // The bodies taken in turn (answers may come back in any order).
    expect(answers.filter((a) => a.body === 'a')).toHaveLength(50);
    expect(answers.filter((a) => a.body === 'b')).toHaveLength(50);
    expect(answers.every((a) => a.status === 200 && a.doneAt >= a.sentAt)).toBe(true);
    // Latency is measured to the answer, the server's 5 ms included.
    expect(r.p50).toBeGreaterThanOrEqual(5);
  });
});
