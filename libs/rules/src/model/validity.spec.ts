import { parseInstant } from './validity';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseInstant (rule validity bounds)', () => {
  it.each([
    ['a date as a start: that day 00:00 UTC', '2026-06-01', 'from', '2026-06-01T00:00:00.000Z'],
    [
      'a date as an end: the end of that day (exclusive bound)',
      '2026-06-01',
      'until',
      '2026-06-02T00:00:00.000Z',
    ],
    ['a date-time in UTC', '2026-06-01T10:00Z', 'from', '2026-06-01T10:00:00.000Z'],
    ['a date-time with an offset', '2026-06-01T10:00:00+02:00', 'until', '2026-06-01T08:00:00.000Z'],
    ['a date-time without a zone is ambiguous', '2026-06-01T10:00', 'from', undefined],
    ['an impossible date', '2026-02-29', 'from', undefined],
    ['not a date', 'June', 'from', undefined],
  ] as const)('%s', (_case, text, bound, expected) => {
    expect(iso(parseInstant(text, bound))).toBe(expected);
  });
});
