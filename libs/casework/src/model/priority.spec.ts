import { arrivalInstant, priorityOf } from './priority';

const NOW = new Date('2026-12-06T10:00:00Z');
const inHours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

describe('priorityOf', () => {
  it.each([
    ['NO_BOARD, certain, arriving in 1 h', 'NO_BOARD', 1, inHours(1), 100],
    ['REFER, 0.9, arriving in 3 h', 'REFER', 0.9, inHours(3), 65],
    ['REFER, 0.9, arriving in 3 days', 'REFER', 0.9, inHours(80), 43],
    ['REFER, 0.9, arrival unknown', 'REFER', 0.9, undefined, 43],
    ['REFER, 0.9, landed 2 h ago', 'REFER', 0.9, inHours(-2), 43],
    ['score out of range is bounded', 'REFER', 7, undefined, 45],
  ] as const)('%s → %p', (_, outcome, score, at, expected) =>
    expect(priorityOf(outcome, score, at, NOW)).toBe(expected),
  );

  it('ranks any NO_BOARD above a REFER of the same urgency, and a REFER landing soon above a NO_BOARD days out', () => {
    expect(priorityOf('NO_BOARD', 0.5, inHours(5), NOW)).toBeGreaterThan(
      priorityOf('REFER', 1, inHours(5), NOW),
    );
    expect(priorityOf('REFER', 0.9, inHours(1), NOW)).toBeGreaterThan(
      priorityOf('NO_BOARD', 0.5, inHours(100), NOW),
    );
  });
});

describe('arrivalInstant', () => {
  it.each([
    ['2026-12-06T18:30', '2026-12-06T18:30:00.000Z'],
    ['2026-12-06', '2026-12-06T00:00:00.000Z'],
    ['2026-12-06T18:30:00+11:00', '2026-12-06T07:30:00.000Z'],
  ])('%s → %s', (at, iso) => expect(arrivalInstant(at)?.toISOString()).toBe(iso));

  it.each([undefined, '', 'soon'])('%p → undefined', (at) => expect(arrivalInstant(at)).toBeUndefined());
});
