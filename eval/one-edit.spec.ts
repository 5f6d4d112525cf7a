import { MatchIndex } from '@paxscreen/matching';

import { oneEditMisses, oneEditVariants } from './one-edit';

describe('oneEditVariants', () => {
  it('gives every deletion, insertion, substitution and neighbour swap once, never the part itself', () => {
    const v = oneEditVariants('KIM');
    // 3 deletions + 4 × 26 insertions + 3 × 25 substitutions + 2 swaps, less the repeats (KKIM twice, …).
    expect(new Set(v).size).toBe(v.length);
    expect(v).not.toContain('KIM');
    expect(v).toEqual(expect.arrayContaining(['IM', 'KM', 'KI', 'AKIM', 'KIMZ', 'KIN', 'IKM', 'KMI']));
    expect(v.every((x) => Math.abs(x.length - 3) <= 1)).toBe(true);
    expect(v).toHaveLength(3 + 4 * 26 + 3 * 25 + 2 - 3);
  });
});

describe('oneEditMisses', () => {
  it('searches every variant of every part of three letters or more, and counts the entries not found', () => {
    const index = new MatchIndex();
    const entry = {
      listId: 'T',
      entryId: 'T1',
      kind: 'PERSON' as const,
      names: [{ full: 'Khalil AL BAKRI', type: 'primary' as const }],
      datesOfBirth: [],
      placesOfBirth: [],
      nationalities: [],
      documents: [],
      programs: [],
    };
    index.add(entry);
    const r = oneEditMisses(index, [entry], 'T');
    expect(r).toMatchObject({ persons: 1, names: 1 });
    expect(r.queries).toBe(oneEditVariants('KHALIL').length + oneEditVariants('BAKRI').length);
    expect(r.misses).toBe(0);
  });
});
