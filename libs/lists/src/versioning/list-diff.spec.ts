import { diffList, entryDigest, stableJson } from './list-diff';

const e = (entryId: string, name = 'A') => ({ entryId, name });
const digests = (...entries: { entryId: string; name: string }[]) =>
  new Map(entries.map((x) => [x.entryId, entryDigest(x)]));

describe('diffList', () => {
  it('finds additions, changes, removals and unchanged entries', () => {
    const previous = digests(e('1'), e('2'), e('3'));
    const diff = diffList(previous, [e('1'), e('2', 'B'), e('4')]);
    expect(diff.added.map((x) => x.entryId)).toEqual(['4']);
    expect(diff.changed.map((x) => x.entryId)).toEqual(['2']);
    expect(diff.removed).toEqual(['3']);
    expect(diff.unchanged).toBe(1);
  });

  it('reports duplicate entry ids and keeps the last', () => {
    const diff = diffList(new Map(), [e('1', 'A'), e('1', 'B')]);
    expect(diff.duplicates).toEqual(['1']);
    expect(diff.added).toEqual([e('1', 'B')]);
  });

  it('an identical version publishes nothing', () => {
    const list = [e('1'), e('2')];
    const diff = diffList(digests(...list), list);
    expect([diff.added.length, diff.changed.length, diff.removed.length, diff.unchanged]).toEqual([
      0, 0, 0, 2,
    ]);
  });
});

describe('entryDigest', () => {
  it('does not depend on key order, and ignores undefined fields', () => {
    expect(stableJson({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
    expect(entryDigest({ a: 1, b: 2 })).toBe(entryDigest({ b: 2, a: 1 }));
  });
});
