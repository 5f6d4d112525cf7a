import { contentId } from './content-id';

describe('contentId', () => {
  it.each([
    [['a', 'b'], [' A ', 'B'], true],
    [['a', 'b'], ['a', 'c'], false],
    [['ab', ''], ['a', 'b'], false],
  ])('%j vs %j equal: %s', (x, y, equal) => {
    expect(contentId('P-', x) === contentId('P-', y)).toBe(equal);
  });

  it('is the prefix and 16 hex characters', () => {
    expect(contentId('GTAS-', ['x'])).toMatch(/^GTAS-[0-9a-f]{16}$/);
  });
});
