import { ageRange, dayRange, daysUntilExpiry, hoursBetween, localDay, localTimeRange } from './partial-date';

const day = (text: string) => dayRange(text)!.first;
const hours = (ms: number) => ms / 3_600_000;

describe('dayRange', () => {
  it.each([
    ['1990', '1990-1-1', '1990-12-31'],
    ['1990-02', '1990-2-1', '1990-2-28'],
    ['2000-02', '2000-2-1', '2000-2-29'],
    ['1990-07-15', '1990-7-15', '1990-7-15'],
  ])('%s covers %s … %s', (text, first, last) => {
    const r = dayRange(text)!;
    expect(`${r.first.y}-${r.first.m}-${r.first.d}`).toBe(first);
    expect(`${r.last.y}-${r.last.m}-${r.last.d}`).toBe(last);
  });

  it.each(['1990-13', '1990-00', '1990-02-30', '2001-02-29', '90', '1990-1-1', ''])(
    '%s is unreadable',
    (text) => {
      expect(dayRange(text)).toBeUndefined();
    },
  );
});

describe('ageRange (completed years on the arrival day)', () => {
  it.each([
    ['full date, birthday not reached', '2007-06-02', '2025-06-01', 17, 17],
    ['full date, birthday that day', '2007-06-01', '2025-06-01', 18, 18],
    ['year only: could be either side of the birthday', '2007', '2025-06-01', 17, 18],
    ['year only, arrival on the last day of the year', '2007', '2025-12-31', 18, 18],
    ['year only, arrival on 1 January (born that day: 18)', '2007', '2025-01-01', 17, 18],
    ['month: the whole month is before the arrival day', '2007-05', '2025-06-01', 18, 18],
    ['month: arrival inside the birth month', '2007-06', '2025-06-15', 17, 18],
    ['29 February, common year, 28 February', '2008-02-29', '2026-02-28', 17, 17],
    ['29 February, common year, 1 March', '2008-02-29', '2026-03-01', 18, 18],
    ['born in the arrival year, may be after arrival', '2025', '2025-03-01', 0, 0],
  ])('%s', (_case, dob, on, lo, hi) => {
    expect(ageRange(dob, day(on))).toEqual({ lo, hi });
  });

  it.each([
    ['birth after arrival', '2026-01-01', '2025-06-01'],
    ['unreadable birth date', '2007-13', '2025-06-01'],
  ])('%s gives no age', (_case, dob, on) => {
    expect(ageRange(dob, day(on))).toBeUndefined();
  });
});

describe('daysUntilExpiry', () => {
  it.each([
    ['expires the day after', '2025-06-02', 1, 1],
    ['expires on the arrival day (still valid)', '2025-06-01', 0, 0],
    ['expired the day before', '2025-05-31', -1, -1],
    ['partial expiry month', '2025-06', 0, 29],
    ['partial expiry year', '2025', -151, 213],
  ])('%s', (_case, expiry, lo, hi) => {
    expect(daysUntilExpiry(expiry, day('2025-06-01'))).toEqual({ lo, hi });
  });
});

describe('localTimeRange', () => {
  it.each([
    ['2025-06-01T10:30', 0, true],
    ['2025-06-01T10:30:15', 0, true],
    ['2025-06-01T10:30:00+02:00', 0, true],
    ['2025-06-01', 24 - 1 / 3_600_000, true],
  ])('%s spans %d h', (text, spanHours, readable) => {
    const r = localTimeRange(text);
    expect(r !== undefined).toBe(readable);
    expect(hours(r!.hi - r!.lo)).toBeCloseTo(spanHours, 6);
  });

  it('ignores a zone suffix: wall-clock readings compare as written', () => {
    expect(localTimeRange('2025-06-01T10:30:00+02:00')).toEqual(localTimeRange('2025-06-01T10:30'));
  });

  it.each(['2025-06-01T24:00', '2025-02-30T10:00', '2025-06', 'tomorrow'])('%s is unreadable', (text) => {
    expect(localTimeRange(text)).toBeUndefined();
  });

  it('localDay takes the date part', () => {
    expect(localDay('2025-06-01T23:59')).toEqual({ y: 2025, m: 6, d: 1 });
  });
});

describe('hoursBetween', () => {
  it.each([
    ['two exact times', '2025-06-01T02:30', '2025-06-01T08:00', 5.5, 5.5],
    ['booking date only: any time that day', '2025-06-01', '2025-06-01T08:00', -16, 8],
    ['both dates only', '2025-05-31', '2025-06-01', 0, 48],
  ])('%s', (_case, earlier, later, lo, hi) => {
    const r = hoursBetween(localTimeRange(earlier)!, localTimeRange(later)!);
    expect(r.lo).toBeCloseTo(lo, 3);
    expect(r.hi).toBeCloseTo(hi, 3);
  });
});
