import { Writable } from 'node:stream';

import { createLogger } from './logger';
import { REDACTED, redactPersonalData } from './redact';

describe('redactPersonalData', () => {
  it.each([
    [
      { surname: 'DOE', carrier: 'XX' },
      { surname: REDACTED, carrier: 'XX' },
    ],
    [{ t: { documents: [{ number: 'P1234567' }] } }, { t: { documents: REDACTED } }],
    [
      { list: [{ dateOfBirth: '1980-01-01', role: 'CREW' }] },
      { list: [{ dateOfBirth: REDACTED, role: 'CREW' }] },
    ],
    [
      { Name: 'x', count: 3 },
      { Name: REDACTED, count: 3 },
    ],
  ])('masks personal keys at any depth (%#)', (input, expected) => {
    expect(redactPersonalData(input)).toEqual(expected);
  });

  it('keeps non-personal values and primitives', () => {
    expect(redactPersonalData('plain')).toBe('plain');
    expect(redactPersonalData({ receiptId: 'r1', n: 1 })).toEqual({ receiptId: 'r1', n: 1 });
  });
});

describe('createLogger', () => {
  it('never writes personal fields', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ service: 'test', destination });
    log.info({ traveller: { surname: 'KOWALSKI' }, dateOfBirth: '1970-02-03', carrier: 'LH' }, 'parsed');
    await new Promise((r) => setImmediate(r));
    const out = lines.join('');
    expect(out).toContain('"carrier":"LH"');
    expect(out).not.toContain('KOWALSKI');
    expect(out).not.toContain('1970-02-03');
  });
});
