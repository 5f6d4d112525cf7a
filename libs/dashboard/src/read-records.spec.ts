import { readDeadLetter, readDecision, readListVersion } from './read-records';
import { bytes, decisionRecord, TRACE_ID } from './records.fixture';

describe('readDecision', () => {
  it('masks a flagged decision: initials, masked document, list ids, never names or dates', () => {
    const facts = readDecision(decisionRecord('REFER'));
    expect(facts).toEqual({
      outcome: 'REFER',
      decidedAt: 1042,
      receivedAt: 1000,
      flagged: {
        decisionId: 'd1',
        outcome: 'REFER',
        decidedAt: 1042,
        flight: 'ZZ0100 LHR→JFK',
        initials: 'A. K.',
        document: '•••••11',
        reasons: [{ kind: 'WATCHLIST', listId: 'NATIONAL', score: 0.97 }],
        supersedes: false,
        receiptId: 'receipt-1',
        traceId: TRACE_ID,
      },
    });
    const shown = JSON.stringify(facts);
    for (const personal of ['KARVONEN', 'Karvonen', 'ALEKSI', 'Aleksi', '1971', 'XF1111111', 'XF11111'])
      expect(shown).not.toContain(personal);
  });

  it('does not count a decision that only marks a traveller cancelled or offloaded', () => {
    const event = JSON.parse(decisionRecord('REFER').toString('utf8')) as Record<string, unknown>;
    expect(readDecision(bytes(event))).toBeDefined();
    expect(
      readDecision(bytes({ ...event, travellerStatus: { state: 'CANCELLED', at: '2025-01-01T01:00:00Z' } })),
    ).toBeUndefined();
  });

  it.each(['CLEAR', 'EXPEDITE'])('keeps only counts and timings of a %s decision', (outcome) => {
    expect(readDecision(decisionRecord(outcome))).toEqual({ outcome, decidedAt: 1042, receivedAt: 1000 });
  });

  it('marks a decision that supersedes another (re-vet) and keeps it without a receipt time', () => {
    const facts = readDecision(
      decisionRecord('NO_BOARD', { supersedes: 'd0', timings: { decidedAt: 5, screeningMs: 1 } }),
    );
    expect(facts).toMatchObject({
      outcome: 'NO_BOARD',
      receivedAt: undefined,
      flagged: { supersedes: true },
    });
  });

  it.each([
    ['not JSON', Buffer.from('{')],
    ['a tombstone', null],
    ['an array', bytes([1])],
    ['an unknown outcome', decisionRecord('MAYBE')],
    ['no decidedAt', decisionRecord('CLEAR', { timings: { screeningMs: 1 } })],
  ])('answers undefined for %s', (_label, value) => {
    expect(readDecision(value)).toBeUndefined();
  });
});

describe('readDeadLetter', () => {
  const dead = (over: Record<string, unknown> = {}) =>
    bytes({
      stage: 'parser',
      code: 'EDIFACT_SYNTAX',
      message: 'segment NAD+FL+++SMITH:JOHN is broken',
      sourceTopic: 'paxscreen.messages.raw.v1',
      occurredAt: '2025-01-01T00:00:01Z',
      headers: { a: 'b' },
      payloadBase64: 'U01JVEg=',
      ...over,
    });

  it('keeps where and why, never the message text, payload or headers', () => {
    expect(readDeadLetter(dead(), 0)).toEqual({
      stage: 'parser',
      code: 'EDIFACT_SYNTAX',
      sourceTopic: 'paxscreen.messages.raw.v1',
      at: Date.parse('2025-01-01T00:00:01Z'),
    });
  });

  it.each([
    ['an unknown stage', { stage: 'elsewhere' }],
    ['a free-text code', { code: 'SMITH JOHN broke it' }],
  ])('refuses %s', (_label, over) => {
    expect(readDeadLetter(dead(over), 0)).toBeUndefined();
  });

  it('falls back to the reading time when occurredAt is unreadable', () => {
    expect(readDeadLetter(dead({ occurredAt: 'soon' }), 77)?.at).toBe(77);
  });

  it('counts a letter written in parts once, by its first part', () => {
    const part = (n: number) =>
      dead({ payload: { deadLetterId: 'd', part: n, parts: 2, bytes: 9, sha256: '0' } });
    expect([readDeadLetter(part(1), 0)?.code, readDeadLetter(part(2), 0)]).toEqual([
      'EDIFACT_SYNTAX',
      undefined,
    ]);
  });
});

describe('readListVersion', () => {
  it('reads a version record', () => {
    const record = bytes({
      listId: 'UN',
      kind: 'watchlist',
      version: 'v3',
      format: 'UN_XML',
      importedAt: '2025-01-01T00:00:00Z',
      entries: 1003,
      diff: { added: 2, changed: 1, removed: 0, unchanged: 1000 },
      findings: 0,
    });
    expect(readListVersion(record)).toMatchObject({ listId: 'UN', version: 'v3', entries: 1003 });
  });

  it.each([[bytes({ listId: 'UN', kind: 'other', version: 'v1', entries: 1 })], [null]])(
    'refuses a malformed record (%#)',
    (value) => {
      expect(readListVersion(value)).toBeUndefined();
    },
  );
});
