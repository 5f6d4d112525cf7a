import { daysInMonth, isPartialDate, PARTIAL_DATE_PATTERN, partialDateParts } from './dates';

describe('partial dates', () => {
  it.each([
    ['1980', true],
    ['1980-04', true],
    ['1980-04-02', true],
    ['2000-02-29', true],
    ['1980-4', false],
    ['80-04-02', false],
    ['1980-04-02T00:00', false],
    ['', false],
  ])('%p has the shape of a partial date: %p', (value, ok) => {
    expect(PARTIAL_DATE_PATTERN.test(value)).toBe(ok);
  });

  it.each([
    ['1980', true],
    ['1980-12', true],
    ['1980-13', false],
    ['1980-00', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-04-00', false],
  ])('%p is a calendar date: %p', (value, ok) => {
    expect(isPartialDate(value)).toBe(ok);
  });

  it('reads the parts at each precision', () => {
    expect(partialDateParts('1980')).toEqual({ year: 1980 });
    expect(partialDateParts('1980-04')).toEqual({ year: 1980, month: 4 });
    expect(partialDateParts('1980-04-02')).toEqual({ year: 1980, month: 4, day: 2 });
    expect(partialDateParts('04/02/1980')).toBeUndefined();
  });

  it('counts days in every month as the calendar does', () => {
    for (const year of [1900, 1999, 2000, 2023, 2024])
      for (let month = 1; month <= 12; month++)
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
  });
});
