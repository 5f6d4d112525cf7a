import { InvalidSearchInputError, nameQuery, optionalInstant, pageSize, required } from './search-input';

describe('search input', () => {
  it.each([
    ['carrier', 'qf', 'QF'],
    ['flightNumber', '0001', '0001'],
    ['date', '2026-12-06', '2026-12-06'],
    ['issuer', 'aus', 'AUS'],
  ] as const)('accepts %s %s', (name, value, expected) => {
    expect(required(name, value, true)).toBe(expected);
  });

  it.each([
    ['carrier', "QF'; drop table decisions; --"],
    ['flightNumber', '1 OR 1=1'],
    ['date', '2026-13-45'],
    ['date', 'yesterday'],
    ['carrier', undefined],
  ] as const)('refuses %s %p with a typed error', (name, value) => {
    expect(() => required(name, value, true)).toThrow(InvalidSearchInputError);
  });

  it.each([
    [undefined, 50],
    ['10', 10],
    ['200', 200],
  ])('page size %p → %p', (value, expected) => {
    expect(pageSize(value)).toBe(expected);
  });

  it.each(['0', '201', '-1', 'ten', '1e3'])('refuses page size %p', (value) => {
    expect(() => pageSize(value)).toThrow(InvalidSearchInputError);
  });

  it('wants two letters in a name query and at most 100 characters', () => {
    expect(nameQuery(' Muhammad Aly ')).toBe('Muhammad Aly');
    expect(() => nameQuery('1')).toThrow(InvalidSearchInputError);
    expect(() => nameQuery('A'.repeat(101))).toThrow(InvalidSearchInputError);
  });

  it('normalises instants and refuses others', () => {
    expect(optionalInstant('from', '2026-12-06')).toBe('2026-12-06T00:00:00.000Z');
    expect(() => optionalInstant('from', 'now')).toThrow(InvalidSearchInputError);
  });
});
