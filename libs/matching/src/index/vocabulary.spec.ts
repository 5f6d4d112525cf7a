import { withinOneEdit, withinTwoEdits } from '../features/edit-distance';

describe('withinOneEdit', () => {
  it.each([
    ['khalil', 'khalil', true],
    ['khalil', 'kialil', true],
    ['fereidoun', 'feeidoun', true],
    ['kim', 'kimm', true],
    ['kim', 'ikm', true],
    ['kim', 'km', true],
    ['kim', 'mik', false],
    ['abc', 'bca', false],
    ['khalil', 'kalill', false],
    ['kim', 'kimbo', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('withinTwoEdits', () => {
  it.each([
    ['karvonen', 'karvonen', true],
    ['karvonen', 'kaevonpn', true],
    ['karvonen', 'akrvonne', true],
    ['karvonen', 'karvon', true],
    ['karvonen', 'karvonenen', true],
    ['karvonen', 'kaevxnpn', false],
    ['karvonen', 'karvo', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(withinTwoEdits(a, b)).toBe(expected);
    expect(withinTwoEdits(b, a)).toBe(expected);
  });
});
