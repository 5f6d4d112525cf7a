import { withinOneEdit } from '../features/edit-distance';

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
