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
});
