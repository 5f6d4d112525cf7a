import type { ListedDate } from '@paxscreen/contracts';

import { compareDateOfBirth } from './date-of-birth.feature';

const on = (date: string): ListedDate => ({ date });
const between = (from: string, to: string): ListedDate => ({ from, to });

describe('compareDateOfBirth', () => {
  it.each([
    ['1970-05-01', [on('1970-05-01')], 'exact'],
    ['1970-05-01', [on('1970')], 'partial'],
    ['1970', [on('1970-05-01')], 'partial'],
    ['1970-05-01', [on('1970-05')], 'partial'],
    ['1970-05-01', [on('1970-05-02')], 'near'],
    ['1970-05-01', [on('1971')], 'near'],
    ['1970-05-01', [on('1980-05-01')], 'mismatch'],
    ['1970-05-01', [on('1980'), on('1970')], 'partial'],
    ['1970-05-01', [between('1968', '1972')], 'range'],
    ['1975', [between('1968', '1972')], 'mismatch'],
    ['1973', [between('1968', '1972')], 'near'],
  ])('%s vs %j → %s', (query, listed, outcome) => {
    expect(compareDateOfBirth(query, listed)?.outcome).toBe(outcome);
  });

  it.each([
    [undefined, [on('1970')]],
    ['1970', []],
    ['not a date', [on('1970')]],
  ])('%s vs %j → not compared', (query, listed) => {
    expect(compareDateOfBirth(query, listed)).toBeUndefined();
  });

  it('reads a two-digit birth year in the other century too, and says so', () => {
    expect(compareDateOfBirth('2025-01-25', [on('1925-01-25')], true)).toEqual({
      outcome: 'exact',
      detail: 'matches listed 1925-01-25 (two-digit year read as 1925)',
    });
    expect(compareDateOfBirth('2025-01-25', [on('1925-01-25')])?.outcome).toBe('mismatch');
  });

  it('keeps the sent century when it agrees at least as well', () => {
    expect(compareDateOfBirth('1970-05-01', [on('1970-05-01'), on('1870-05-01')], true)?.detail).toBe(
      'matches listed 1970-05-01',
    );
    expect(compareDateOfBirth('2001-01-01', [on('1960')], true)?.outcome).toBe('mismatch');
  });
});
