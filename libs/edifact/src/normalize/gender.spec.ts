import { readGender } from './gender';

describe('readGender', () => {
  it.each([
    ['M', { gender: 'M' }],
    ['f', { gender: 'F' }],
    ['X', { gender: 'X' }],
    ['FI', { gender: 'F', infant: true }],
    ['MI', { gender: 'M', infant: true }],
    ['Female', { gender: 'F' }],
    ['', { gender: 'U', issue: 'MISSING' }],
    [undefined, { gender: 'U', issue: 'MISSING' }],
    ['Q', { gender: 'U', issue: 'INVALID' }],
  ])('%s → %o', (raw, expected) => {
    expect(readGender(raw)).toEqual(expected);
  });
});
