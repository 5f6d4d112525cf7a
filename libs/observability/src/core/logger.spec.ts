import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from './logger';

describe('createLogger with a file (LOG_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paxscreen-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const flush = (log: ReturnType<typeof createLogger>) =>
    new Promise<void>((resolve, reject) => log.flush((err) => (err ? reject(err) : resolve())));
  /** Writes are asynchronous (sonic-boom): wait until `n` lines are on disk. */
  async function linesOf(file: string, n: number): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 2000;
    let lines: string[] = [];
    while (Date.now() < deadline) {
      lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      if (lines.length >= n) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it('creates the file (and its folder), appends JSON lines, and redacts personal fields', async () => {
    const file = join(dir, 'nested', 'gateway.log');
    const first = createLogger({ service: 'gateway', file });
    first.warn({ surname: 'KOWALSKI', carrier: 'LH' }, 'one');
    await flush(first);
    const second = createLogger({ service: 'gateway', file });
    second.warn({ documents: [{ number: 'P1234567' }] }, 'two');
    await flush(second);

    const lines = await linesOf(file, 2);
    expect(lines.map((l) => l.msg)).toEqual(['one', 'two']);
    expect(lines[0]).toMatchObject({ service: 'gateway', carrier: 'LH', surname: '[redacted]' });
    expect(readFileSync(file, 'utf8')).not.toMatch(/KOWALSKI|P1234567/);
  });
});
