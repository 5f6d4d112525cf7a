import { envelope, Topic } from '@paxscreen/contracts';
import { testDecisionEvent, testTravellerEvent } from '@paxscreen/testing';

import { rowsFor, SourceRecord } from './batch';
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

describe('rowsFor', () => {
  it('maps each topic to its table and rejects what breaks its contract', () => {
    const decision = testDecisionEvent(flight, person);
    const { rows, rejected } = rowsFor([
      record(Topic.Decisions, decision),
      record(Topic.Travellers, testTravellerEvent(flight, person)),
      record(Topic.Decisions, { not: 'a decision' }, '7'),
      record(Topic.Travellers, 'not json', '8'),
      record(Topic.Travellers, null, '9'),
    ]);
    expect(rows.decisions).toHaveLength(1);
    expect(rows.travellers).toHaveLength(1);
    expect(rejected.map((r) => r.record.offset)).toEqual(['7', '8', '9']);
    expect(rejected[0].reason).toMatch(/invalid/);
  });

  it('files a name holding NUL (which PostgreSQL refuses) with U+FFFD in its place', () => {
    const withNul = { ...person, surname: 'MÜL\u0000LER', givenNames: 'JO\u0000\u0000SE' };
    const { rows, rejected } = rowsFor([
      record(Topic.Decisions, testDecisionEvent(flight, withNul)),
      record(Topic.Travellers, testTravellerEvent(flight, withNul)),
    ]);
    expect(rejected).toEqual([]);
    expect(rows.decisions[0].surname).toBe('MÜL\uFFFDLER');
    expect(rows.travellers[0].given_names).toBe('JO\uFFFD\uFFFDSE');
    expect(rows.decisions[0].event).not.toContain('\\u0000');
    expect(JSON.parse(rows.decisions[0].event as string).subject.surname).toBe('MÜL\uFFFDLER');
  });

  it('keeps an unreadable dead letter as it is instead of dead-lettering it again', () => {
    const { rows, rejected } = rowsFor([record(Topic.DeadLetter, 'garbage', '3')]);
    expect(rejected).toEqual([]);
    expect(rows.deadLetters).toEqual([
      expect.objectContaining({
        event_id: `${Topic.DeadLetter}/0/3`,
        code: 'INVALID_DEAD_LETTER',
        payload: Buffer.from('garbage'),
      }),
    ]);
  });

  it('skips list-version tombstones', () => {
    const { rows, rejected } = rowsFor([record(Topic.ListVersions, null)]);
    expect(rejected).toEqual([]);
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
