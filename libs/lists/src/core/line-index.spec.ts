import { LineIndex, tagOffsets } from './line-index';

describe('LineIndex', () => {
  const text = 'a\nbb\n\nccc';
  it.each([
    [0, 1],
    [1, 1],
    [2, 2],
    [5, 3],
    [6, 4],
    [8, 4],
  ])('offset %i is on line %i', (offset, line) => {
    expect(new LineIndex(text).lineAt(offset)).toBe(line);
  });

  it('finds opening tags in order', () => {
    expect(tagOffsets('<A><B></B><B>x</B></A>', 'B')).toEqual([3, 10]);
  });
});
