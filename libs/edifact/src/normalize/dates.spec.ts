import { fullYear, parseDdmmmyy, parseDdmmyy, parseEdiDate, parseTime, yearsBetween } from './dates';

const REF_YEAR = 2025;

describe('parseEdiDate', () => {
  it.each([
    ['780706', undefined, 'birth', '1978-07-06'],
    ['230920', undefined, 'birth', '2023-09-20'],
    ['260101', undefined, 'birth', '1926-01-01'],
    ['610218', undefined, 'nearest', '2061-02-18'],
    ['990101', undefined, 'nearest', '1999-01-01'],
    ['1701271725', '201', 'nearest', '2017-01-27T17:25'],
    ['19780706', '102', 'birth', '1978-07-06'],
    ['201701271725', '203', 'nearest', '2017-01-27T17:25'],
    ['1978', '602', 'birth', '1978'],
    ['197807', '610', 'birth', '1978-07'],
    ['', undefined, 'birth', undefined],
    ['781306', undefined, 'birth', null],
    ['780230', undefined, 'birth', null],
    ['20000229', '102', 'birth', '2000-02-29'],
    ['19000229', '102', 'birth', null],
    ['1701272525', '201', 'nearest', null],
    ['78O706', undefined, 'birth', null],
    ['7807', undefined, 'birth', null],
    ['780706', '999', 'birth', null],
  ] as const)('%s (format %s, %s) → %s', (raw, format, rule, expected) => {
    expect(parseEdiDate(raw, format, rule, REF_YEAR)).toBe(expected);
  });
});

describe('PADIS and SSR dates', () => {
  it.each([
    ['121210', '2010-12-12'],
    ['300413', '2013-04-30'],
    ['310213', null],
    ['', undefined],
  ] as const)('DDMMYY %s → %s', (raw, expected) => {
    expect(parseDdmmyy(raw, 'nearest', REF_YEAR)).toBe(expected);
  });

  it.each([
    ['12JUL64', 'birth', '1964-07-12'],
    ['20SEP12', 'birth', '2012-09-20'],
    ['23AUG19', 'nearest', '2019-08-23'],
    ['01jan1980', 'birth', '1980-01-01'],
    ['12XYZ64', 'birth', null],
  ] as const)('DDMMMYY %s (%s) → %s', (raw, rule, expected) => {
    expect(parseDdmmmyy(raw, rule, REF_YEAR)).toBe(expected);
  });

  it.each([
    ['0915', '09:15'],
    ['115500', '11:55'],
    ['2460', null],
    ['', undefined],
  ] as const)('time %s → %s', (raw, expected) => {
    expect(parseTime(raw)).toBe(expected);
  });
});

describe('century rules and ages', () => {
  it.each([
    [25, 'birth', 2025],
    [26, 'birth', 1926],
    [74, 'nearest', 2074],
    [76, 'nearest', 1976],
  ] as const)('yy %i (%s) → %i', (yy, rule, expected) => {
    expect(fullYear(yy, rule, REF_YEAR)).toBe(expected);
  });

  it.each([
    ['1978-07-06', '2025-07-05', 46],
    ['1978-07-06', '2025-07-06', 47],
    ['1978', '2025-01-01', 47],
    ['1978-08', '2025-07-31', 46],
  ] as const)('from %s to %s is %i years', (from, to, years) => {
    expect(yearsBetween(from, to)).toBe(years);
  });
});
