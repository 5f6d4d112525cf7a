import { ContractViolation, DeadLetter, Topic } from '@paxscreen/contracts';

import { decodeBatch } from './decode-batch';
import type { ConsumedRecord } from './records';

const record = (offset: number, value: string | null): ConsumedRecord => ({
  topic: Topic.Alerts,
  partition: 0,
  offset: String(offset),
  key: 'k',
  value: value === null ? null : Buffer.from(value),
  headers: {},
  timestamp: 0,
});

/** A decoder that accepts `{"n":<number>}`, passes over `{"skip":true}` and breaks on anything else. */
const decode = (value: Buffer): number | undefined => {
  const text = value.toString();
  if (text === 'boom') throw new Error('store down');
  const v = JSON.parse(text || '{}') as { n?: unknown; skip?: boolean };
  if (v.skip) return undefined;
  if (typeof v.n !== 'number') throw new ContractViolation('Test', ['n: isNumber']);
  return v.n;
};

describe('decodeBatch', () => {
  it('keeps the readable records in order and dead-letters, counted, the ones breaking their contract', () => {
    const counted: { stage: string; code: string }[] = [];
    const records = [
      record(0, '{"n":1}'),
      record(1, '{"x":1}'),
      record(2, '{"skip":true}'),
      record(3, '{"n":2}'),
    ];
    const { decoded, letters } = decodeBatch(records, decode, {
      stage: 'workbench',
      counter: { inc: (l) => void counted.push(l) },
      code: 'ALERT_INVALID',
    });
    expect(decoded.map((d) => [d.record.offset, d.value])).toEqual([
      ['0', 1],
      ['3', 2],
    ]);
    expect(letters).toHaveLength(1);
    expect(letters[0].topic).toBe(Topic.DeadLetter);
    const letter = letters[0].records[0].value as DeadLetter.Value;
    expect(letter).toMatchObject({ stage: 'workbench', code: 'ALERT_INVALID', offset: '1' });
    expect(letter.message).toContain('n: isNumber');
    expect(counted).toEqual([{ stage: 'workbench', code: 'ALERT_INVALID' }]);
  });

  it('dead-letters an empty record as INVALID_EVENT unless told to pass over tombstones', () => {
    const counter = { inc: jest.fn() };
    expect(decodeBatch([record(0, null)], decode, { stage: 'casework', counter }).letters).toHaveLength(1);
    expect(counter.inc).toHaveBeenCalledWith({ stage: 'casework', code: 'INVALID_EVENT' });
    const skipped = decodeBatch([record(0, null)], decode, { stage: 'casework', counter, skipEmpty: true });
    expect(skipped).toEqual({ decoded: [], letters: [] });
  });

  it('hands a handler filing in PostgreSQL each escaped NUL as U+FFFD, and the others the value as sent', () => {
    const counter = { inc: jest.fn() };
    const named = [record(0, JSON.stringify({ name: 'MÜL\u0000LER' }))];
    const name = (value: Buffer) => (JSON.parse(value.toString()) as { name: string }).name;
    const filed = decodeBatch(named, name, { stage: 'records', counter, forPostgres: true });
    expect(filed.decoded.map((d) => d.value)).toEqual(['MÜL\uFFFDLER']);
    expect(decodeBatch(named, name, { stage: 'screening', counter }).decoded[0].value).toBe('MÜL\u0000LER');
    // A dead letter keeps the bytes as sent.
    const refused = decodeBatch(named, decode, { stage: 'records', counter, forPostgres: true });
    const letter = refused.letters[0].records[0].value as DeadLetter.Value;
    expect(Buffer.from(letter.payloadBase64, 'base64').equals(named[0].value!)).toBe(true);
  });

  it('throws any other error, so the batch is retried rather than dead-lettered', () => {
    const counter = { inc: jest.fn() };
    expect(() => decodeBatch([record(0, 'boom')], decode, { stage: 'carriers', counter })).toThrow(
      'store down',
    );
    expect(counter.inc).not.toHaveBeenCalled();
  });
});
