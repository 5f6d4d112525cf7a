import { ContractViolation, envelope, Topic } from '@paxscreen/contracts';
import { testDecisionEvent, testTravellerChunk, testTravellerEvent } from '@paxscreen/testing';

import { addRows, emptyRows, SourceRecord } from './batch';
import { deadLetterRow, decisionRow, travellerRow } from './rows';

const flight = { carrier: 'QF', number: '0001', date: '2026-12-07' };
const person = {
  travellerId: 'T1',
  surname: 'Müller',
  givenNames: 'José',
  dateOfBirth: '1980-01-01',
  nationality: 'DEU',
  document: { issuer: 'DEU', number: 'c01x-00t47' },
};
const record = (topic: Topic, value: object | string | null, offset = '0'): SourceRecord => ({
  topic,
  partition: 0,
  offset,
  key: 'QF0001',
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  timestamp: Date.parse('2026-12-06T10:00:00Z'),
});

describe('event → row mapping', () => {
  it('files a decision under its departure day with the chain, names and documents folded', () => {
    const e = testDecisionEvent(flight, person, { outcome: 'REFER', supersedes: 'D-old' });
    expect(decisionRow(e)).toMatchObject({
      decision_id: e.decision.decisionId,
      travel_date: '2026-12-07',
      traveller_id: 'T1',
      outcome: 'REFER',
      supersedes: 'D-old',
      name_search: 'JOSE MULLER',
      name_skeleton: 'JS MLR',
      document_keys: ['DEU:C01X00T47'],
      carrier: 'QF',
      flight_number: '0001',
    });
  });

  it('files the status of a traveller cancelled or offloaded after check-in, and none otherwise', () => {
    const e = testDecisionEvent(flight, person, { outcome: 'CLEAR', supersedes: 'D-old' });
    expect(decisionRow(e)).toMatchObject({ traveller_status: null, traveller_status_at: null });
    e.travellerStatus = { state: 'OFFLOADED', at: '2026-12-07T09:30:00.000Z' };
    expect(decisionRow(e)).toMatchObject({
      traveller_status: 'OFFLOADED',
      traveller_status_at: '2026-12-07T09:30:00.000Z',
      supersedes: 'D-old',
    });
  });

  it('keeps API data of a traveller event but not the PNR extras', () => {
    const e = testTravellerEvent(flight, person);
    e.traveller.pnr = {
      locator: 'ABC123',
      contacts: [{ kind: 'email', value: 'someone@example.org' }],
    };
    const row = travellerRow(e);
    expect(row).toMatchObject({ event_id: e.eventId, pnr_locator: 'ABC123', travel_date: '2026-12-07' });
    expect(JSON.stringify(row)).not.toContain('someone@example.org');
  });

  it.each([
    [{ departure: { port: 'SIN', at: '2026-12-07T23:00' }, arrival: { port: 'SYD' } }, '2026-12-07'],
    [{ departure: { port: 'SIN' }, arrival: { port: 'SYD', at: '2026-12-08T06:00' } }, '2026-12-08'],
    [{ departure: { port: 'SIN', at: '2026-99-99' }, arrival: { port: 'SYD' } }, '2026-12-06'],
  ])('travel date of %j is %s', (legs, expected) => {
    const e = testDecisionEvent(flight, person);
    e.flight = { carrier: 'QF', number: '0001', ...legs };
    e.occurredAt = '2026-12-06T10:00:00.000Z';
    expect(decisionRow(e).travel_date).toBe(expected);
  });
});

describe('addRows', () => {
  /** The rows of `records`, as the records consumer reads them, and the error each broken one threw. */
  const rowsOf = (...records: SourceRecord[]) => {
    const rows = emptyRows();
    const thrown: { offset: string; error: unknown }[] = [];
    for (const r of records) {
      try {
        addRows(rows, r, r.value ?? Buffer.alloc(0));
      } catch (error) {
        thrown.push({ offset: r.offset, error });
      }
    }
    return { rows, thrown };
  };

  it('maps each topic to its table and throws ContractViolation for what breaks its contract', () => {
    const decision = testDecisionEvent(flight, person);
    const { rows, thrown } = rowsOf(
      record(Topic.Decisions, decision),
      record(Topic.Travellers, testTravellerChunk([testTravellerEvent(flight, person)])),
      record(Topic.Decisions, { not: 'a decision' }, '7'),
      record(Topic.Travellers, 'not json', '8'),
      record(Topic.Travellers, null, '9'),
      record(Topic.Alerts, decision, '10'),
    );
    expect(rows.decisions).toHaveLength(1);
    expect(rows.travellers).toHaveLength(1);
    expect(thrown.map((t) => t.offset)).toEqual(['7', '8', '9', '10']);
    for (const { error } of thrown) expect(error).toBeInstanceOf(ContractViolation);
    expect((thrown[0].error as Error).message).toMatch(/invalid/);
    expect((thrown[3].error as Error).message).toContain('records does not keep this topic');
  });

  it('keeps an unreadable dead letter as it is instead of dead-lettering it again', () => {
    const { rows, thrown } = rowsOf(record(Topic.DeadLetter, 'garbage', '3'));
    expect(thrown).toEqual([]);
    expect(rows.deadLetters).toEqual([
      expect.objectContaining({
        event_id: `${Topic.DeadLetter}/0/3`,
        code: 'INVALID_DEAD_LETTER',
        payload: Buffer.from('garbage'),
      }),
    ]);
  });

  it('skips list-version tombstones', () => {
    const { rows, thrown } = rowsOf(record(Topic.ListVersions, null));
    expect(thrown).toEqual([]);
    expect(rows.listVersions).toEqual([]);
  });
});

describe('dead letters', () => {
  it('keeps a part of a dead letter written in parts with the letter it belongs to', () => {
    const letter = {
      ...envelope('R1'),
      stage: 'parser' as const,
      code: 'EDIFACT_SYNTAX',
      message: 'bad',
      sourceTopic: Topic.MessagesRaw,
      headers: {},
      payloadBase64: Buffer.from('part two').toString('base64'),
      payload: { deadLetterId: 'L1', part: 2, parts: 3, bytes: 3_000_000, sha256: 'a'.repeat(64) },
    };
    expect(deadLetterRow(letter)).toMatchObject({
      event_id: letter.eventId,
      dead_letter_id: 'L1',
      part: 2,
      parts: 3,
      payload_length: 3_000_000,
      payload: Buffer.from('part two'),
    });
  });
});
