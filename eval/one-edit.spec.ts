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

describe('oneEditMisses over OFAC-style names and shards', () => {
  const person = (entryId: string, full: string) => ({
    listId: 'T',
    entryId,
    kind: 'PERSON' as const,
    names: [{ full, type: 'primary' as const }],
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    documents: [],
    programs: [],
  });

  it('edits each run of letters of a `SURNAME, Given` name in place (AL- and the comma stay)', () => {
    const e = person('T1', 'AL-BAKRI, Khalil');
    const index = new MatchIndex();
    index.add(e);
    const r = oneEditMisses(index, [e], 'T');
    expect(r.queries).toBe(oneEditVariants('BAKRI').length + oneEditVariants('KHALIL').length);
    expect(r.misses).toBe(0);
  });

  it('splits the persons between shards, each taking every n-th', () => {
    const entries = [
      person('T1', 'Khalil BAKRI'),
      person('T2', 'Fereidoun ABBASI'),
      person('T3', 'Joseph KONY'),
    ];
    const index = new MatchIndex();
    for (const e of entries) index.add(e);
    const shards = [0, 1].map((k) =>
      oneEditMisses(index, entries, 'T', Infinity, undefined, undefined, { k, of: 2 }),
    );
    expect(shards.map((s) => s.persons)).toEqual([2, 1]);
    expect(shards[0].queries + shards[1].queries).toBe(oneEditMisses(index, entries, 'T').queries);
  });
});
