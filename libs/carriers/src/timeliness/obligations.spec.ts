import { Arrival, resolveObligations, transitions } from './obligations';
import { checkedPolicy, DEFAULT_POLICY } from './policy';

const H = 3_600_000;
const M = 60_000;
const DEP = Date.parse('2026-12-07T12:00:00Z');
const at = (offsetMs: number, kind: Arrival['kind'], receiptId = `r${offsetMs}`): Arrival => ({
  kind,
  receivedAt: DEP + offsetMs,
  receiptId,
});
const ON_TIME_DAY: Arrival[] = [
  at(-72 * H, 'PNR'),
  at(-24 * H, 'PNR'),
  at(-2 * H, 'PNR'),
  at(-90 * M, 'PASSENGERS'),
  at(-90 * M, 'CREW'),
  at(-10 * M, 'PASSENGERS'),
  at(5 * M, 'PNR'),
];
const status = (arrivals: Arrival[], now: number) =>
  Object.fromEntries(
    resolveObligations(DEP, arrivals, DEFAULT_POLICY, now).map((o) => [o.obligation, o.status]),
  );

describe('resolveObligations', () => {
  it('knows the default obligations and their due times (API 60 min before, close-out 30 min after, PNR ± 60 min)', () => {
    const due = resolveObligations(DEP, [], DEFAULT_POLICY, 0).map((o) => [
      o.obligation,
      (o.dueAt - DEP) / M,
    ]);
    expect(due).toEqual([
      ['API_PASSENGERS', -60],
      ['API_CREW', -60],
      ['API_CLOSEOUT', 30],
      ['PNR_T72', -72 * 60 + 60],
      ['PNR_T24', -24 * 60 + 60],
      ['PNR_T2', -2 * 60 + 60],
      ['PNR_T0', 60],
    ]);
  });

  it('finds every obligation of a punctual flight on time, whatever order the arrivals come in', () => {
    const all = status([...ON_TIME_DAY].reverse(), DEP + 3 * H);
    expect(Object.values(all)).toEqual(Array(7).fill('ON_TIME'));
  });

  it('is PENDING before the due time and MISSING after it', () => {
    expect(status([], DEP - 61 * M).API_PASSENGERS).toBe('PENDING');
    expect(status([], DEP - 59 * M).API_PASSENGERS).toBe('MISSING');
    expect(status([], DEP - 59 * M).API_CLOSEOUT).toBe('PENDING');
  });

  it.each([
    [
      'a T-24 push at T-20 h is a late T-24 push, not an early T-2 one',
      at(-20 * H, 'PNR'),
      'PNR_T24',
      'LATE',
    ],
    [
      'a passenger list 20 min before departure is on time for close-out but late for API',
      at(-20 * M, 'PASSENGERS'),
      'API_PASSENGERS',
      'LATE',
    ],
    [
      'a passenger list long before departure is no close-out list',
      at(-3 * H, 'PASSENGERS'),
      'API_CLOSEOUT',
      'MISSING',
    ],
    ['a close-out list 40 min after wheels-up is late', at(40 * M, 'PASSENGERS'), 'API_CLOSEOUT', 'LATE'],
    ['a crew list does not count as passengers', at(-3 * H, 'CREW'), 'API_PASSENGERS', 'MISSING'],
  ])('%s', (_what, arrival, obligation, expected) => {
    expect(status([arrival], DEP + 3 * H)[obligation]).toBe(expected);
  });

  it('follows configured offsets (ordered, checked)', () => {
    const policy = checkedPolicy({ ...DEFAULT_POLICY, pnrOffsetsHours: [0, 48, 48] });
    expect(policy.pnrOffsetsHours).toEqual([48, 0]);
    expect(() => checkedPolicy({ ...DEFAULT_POLICY, pnrOffsetsHours: [5] })).toThrow(/T-5/);
  });
});

describe('transitions', () => {
  it.each([
    ['PENDING', 'MISSING', [['MISSING', 'OPEN']]],
    ['PENDING', 'LATE', [['LATE', 'CLOSED']]],
    [
      'MISSING',
      'LATE',
      [
        ['MISSING', 'CLOSED'],
        ['LATE', 'CLOSED'],
      ],
    ],
    ['MISSING', 'ON_TIME', [['MISSING', 'CLOSED']]],
    ['PENDING', 'ON_TIME', []],
    ['MISSING', 'MISSING', []],
  ] as const)('%s → %s raises %j', (before, after, expected) => {
    expect(transitions(before, after, 'API_CREW').map((t) => [t.kind, t.state])).toEqual(expected);
  });
});
