import { parseListedDate } from './listed-date.parser';

const exact = (date: string, qualifier?: string) => ({ date: qualifier ? { date, qualifier } : { date } });
const range = (from: string, to: string, qualifier?: string) => ({
  date: qualifier ? { from, to, qualifier } : { from, to },
});
const problem = (p: string) => ({ problem: p });

describe('parseListedDate', () => {
  it.each([
    ['1970-01-31', exact('1970-01-31')],
    ['1970-01', exact('1970-01')],
    ['1970', exact('1970')],
    ['1970.', exact('1970')],
    ['26 Dec 1992', exact('1992-12-26')],
    ['1 January 1970', exact('1970-01-01')],
    ['Nov. 1973', exact('1973-11')],
    ['August 1961 ', exact('1961-08')],
    ['Dec 1970', exact('1970-12')],
    ['circa 1970', exact('1970', 'circa')],
    ['circa 01 Jul 1960', exact('1960-07-01', 'circa')],
    ['approximately 1966', exact('1966', 'approximately')],
    ['1970 to 1975', range('1970', '1975')],
    ['01 Jan 1970 to 31 Dec 1975', range('1970-01-01', '1975-12-31')],
    ['Mar 1960 to Feb 1961', range('1960-03', '1961-02')],
    ['circa 1965-1969', range('1965', '1969', 'circa')],
    ['Between Aug. and Sep. 1977', problem('DATE_UNREADABLE')],
    ['31/01/1970', exact('1970-01-31')],
    ['01/31/1970', exact('1970-01-31')],
    ['31.01.1970', exact('1970-01-31')],
    ['5-5-1970', exact('1970-05-05')],
    ['2-12-1965', { date: { date: '1965' }, problem: 'DATE_AMBIGUOUS' }],
    ['31 Feb 1970', problem('DATE_INVALID')],
    ['1975 to 1970', problem('DATE_INVALID')],
    ['1970-13', problem('DATE_INVALID')],
    ['0001', problem('DATE_INVALID')],
    ['24/06/1402 (Hijri Calendar)', problem('DATE_UNREADABLE')],
    ['30-35 years old', problem('DATE_UNREADABLE')],
    ['', problem('DATE_UNREADABLE')],
  ])('%j', (text, expected) => {
    expect(parseListedDate(text)).toEqual(expected);
  });

  it.each([
    ['2-12-1965', 'DMY', '1965-12-02'],
    ['2-12-1965', 'MDY', '1965-02-12'],
    ['11/10/1975', 'MDY', '1975-11-10'],
  ] as const)('%s read as %s', (text, order, date) => {
    expect(parseListedDate(text, order)).toEqual(exact(date));
  });
});
