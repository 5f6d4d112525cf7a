import { ContractViolation, DeadLetter, Header, maxMessageBytes, Topic } from '@paxscreen/contracts';
import { poisonMessage } from '@paxscreen/testing';

import { deadLetterOutput, deadLetterReference, invalidEventLetter } from './dead-letter';
import { recordBytes, toMessage } from './producer';
import type { ConsumedRecord } from './records';

/** The poison of issue 20: an UNA header and a million release characters (~1 MB). */
const POISON = poisonMessage();

const record = (value: Buffer): ConsumedRecord => ({
  topic: Topic.MessagesRaw,
  partition: 2,
  offset: '1834',
  key: 'ZZ:0777',
  value,
  headers: { [Header.ReceiptId]: 'r-1', [Header.Carrier]: 'ZZ' },
  timestamp: 0,
});

const reason = { stage: 'parser' as const, code: 'EDIFACT_SYNTAX', message: 'unterminated segment' };
const values = (records: { value: unknown }[]) => records.map((r) => r.value as DeadLetter.Value);

describe('deadLetterOutput', () => {
  it('writes a small record as one dead letter holding every byte', () => {
    const out = deadLetterOutput(record(Buffer.from('UNA:+.? ')), reason);
    expect(out.topic).toBe(Topic.DeadLetter);
    const [letter] = values(out.records);
    expect(out.records).toHaveLength(1);
    expect(letter.payload).toMatchObject({ part: 1, parts: 1, bytes: 8, deadLetterId: letter.eventId });
    expect(DeadLetter.deadLetterBytes([letter], letter.eventId).toString()).toBe('UNA:+.? ');
  });

  it('writes bytes too large for one record as parts that each fit the topic and put back together', () => {
    const out = deadLetterOutput(record(POISON), reason);
    const letters = values(out.records);
    expect(letters.length).toBeGreaterThan(1);
    for (const r of out.records)
      expect(recordBytes(toMessage(r))).toBeLessThanOrEqual(maxMessageBytes(Topic.DeadLetter));
    const id = letters[0].eventId;
    expect(letters.map((l) => [l.payload?.deadLetterId, l.payload?.part, l.code])).toEqual(
      letters.map((_, i) => [id, i + 1, 'EDIFACT_SYNTAX']),
    );
    expect(new Set(letters.map((l) => l.eventId)).size).toBe(letters.length);
    expect(letters.filter(DeadLetter.isFirstPart)).toHaveLength(1);
    // Any order, among other letters.
    const other = values(deadLetterOutput(record(Buffer.from('other')), reason).records);
    const mixed = [...other, ...letters].reverse();
    expect(DeadLetter.deadLetterBytes(mixed, id).equals(POISON)).toBe(true);
  });

  it('refuses to put together a letter with a part missing or with bytes that do not match', () => {
    const letters = values(deadLetterOutput(record(POISON), reason).records);
    const id = letters[0].eventId;
    expect(() => DeadLetter.deadLetterBytes(letters.slice(1), id)).toThrow(/part 1 of \d+ missing/);
    const tampered = letters.map((l, i) =>
      i === 1 ? { ...l, payloadBase64: `A${l.payloadBase64.slice(1)}` } : l,
    );
    expect(() => DeadLetter.deadLetterBytes(tampered, id)).toThrow(DeadLetter.DeadLetterBytesError);
  });

  it('cuts a long reason and keeps the letter small', () => {
    const [letter] = values(
      deadLetterOutput(record(Buffer.from('x')), { ...reason, message: 'y'.repeat(50_000) }).records,
    );
    expect(letter.message.length).toBe(1000);
  });
});

describe('deadLetterReference', () => {
  it('holds no bytes, only where they are, their length and SHA-256', () => {
    const out = deadLetterReference(record(POISON), reason);
    const [letter] = values(out.records);
    expect(recordBytes(toMessage(out.records[0]))).toBeLessThan(4096);
    expect(letter).toMatchObject({
      payloadBase64: '',
      payloadReference: `${Topic.MessagesRaw}/2/1834`,
      payload: { part: 0, parts: 0, bytes: POISON.length },
    });
    expect(() => DeadLetter.deadLetterBytes([letter], letter.eventId)).toThrow(/holds no bytes/);
  });
});

describe('invalidEventLetter', () => {
  it('dead-letters a record that breaks its contract as INVALID_EVENT of the stage, counted once', () => {
    const counted: { stage: string; code: string }[] = [];
    const out = invalidEventLetter(
      record(Buffer.from('{"surname":"KOWALSKI"}')),
      'casework',
      new ContractViolation('DecisionMade', ['decision: isDefined']),
      { inc: (labels) => void counted.push(labels) },
    );
    expect(counted).toEqual([{ stage: 'casework', code: 'INVALID_EVENT' }]);
    const [letter] = values(out.records);
    expect(letter).toMatchObject({ stage: 'casework', code: 'INVALID_EVENT' });
    expect(letter.message).toContain('decision: isDefined');
    expect(letter.message).not.toContain('KOWALSKI');
  });
});
