import { LOOKUP_LIMITS, MatchIndex } from '@paxscreen/matching';

import { MISS_KINDS, missKind, oneEditMisses, oneEditVariants, onlyQueries, partsKey } from './one-edit';

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

/** A listed person of list T with one primary name. */
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

describe('oneEditMisses over OFAC-style names and shards', () => {
  it('edits each run of letters of a `SURNAME, Given` name in place (AL- and the comma stay)', () => {
    const e = person('T1', 'AL-BAKRI, Khalil');
    const index = new MatchIndex();
    index.add(e);
    const r = oneEditMisses(index, [e], 'T');
    expect(r.queries).toBe(oneEditVariants('BAKRI').length + oneEditVariants('KHALIL').length);
    expect(r.misses).toBe(0);
  });

  it('searches only the queries a report lists with `only` (--only: its misses again)', () => {
    const entries = [person('T1', 'Khalil BAKRI'), person('T2', 'Joseph KONY')];
    const index = new MatchIndex();
    for (const e of entries) index.add(e);
    const missed = (query: string, expected: string) =>
      ({ query, expected, kind: 'other', rank: 0, score: 0, fifth: 0, first: '' }) as const;
    const only = onlyQueries({
      examples: [
        missed('KHALIL BAKRX', 'KHALIL BAKRI'),
        missed('JOSEPH KONX', 'JOSEPH KONY'),
        missed('NOT A VARIANT', 'JOSEPH KONY'),
      ],
    });
    const r = oneEditMisses(index, entries, 'T', Infinity, undefined, undefined, undefined, entries, 1, only);
    expect(r).toMatchObject({ persons: 2, names: 2, queries: 2, misses: 0 });
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

/** The search before the one-edit guarantee (`LOOKUP_LIMITS.typoGuarantee`), which leaves misses to account for. */
function withoutGuarantee<T>(run: () => T): T {
  LOOKUP_LIMITS.typoGuarantee = false;
  try {
    return run();
  } finally {
    LOOKUP_LIMITS.typoGuarantee = true;
  }
}

describe('oneEditMisses tells why an entry was missed', () => {
  it('counts a typo spelling five other listed names as behind closer names, not a candidate miss', () => {
    const kony = person('T1', 'Ali KONY');
    const others = ['T2', 'T3', 'T4', 'T5', 'T6'].map((id) => person(id, 'Ali DONY'));
    const index = new MatchIndex();
    for (const e of [kony, ...others]) index.add(e);
    // The one-edit guarantee returns `Ali KONY` for every one of its typos: the accounting is tested without it.
    expect(oneEditMisses(index, [kony], 'T').misses).toBe(0);
    const r = withoutGuarantee(() => oneEditMisses(index, [kony], 'T'));
    expect(r.misses).toBeGreaterThan(0);
    expect(r.notCandidate + r.behindCloser + r.tiedWithFifth).toBe(r.misses);
    expect(r.reorderedNameFound).toBe(0);
    expect(r.examples).toContainEqual(
      expect.objectContaining({ query: 'ALI DONY', expected: 'ALI KONY', rank: 6, first: 'Ali DONY' }),
    );
    expect(r.examples.find((x) => x.query === 'ALI DONY')?.score).toBeLessThan(1);
    // Reported: found among the top 5 and at least the alert threshold (the untouched part's typos mostly are).
    expect(r.reported).toBeGreaterThan(0);
    expect(r.reported).toBeLessThanOrEqual(r.queries - r.misses);
  });
});

describe('partsKey', () => {
  it('gives the same key to a name written in another order or case, never to other parts', () => {
    expect(partsKey('MOHAMMED, Ali')).toBe(partsKey('Ali Mohammed'));
    expect(partsKey('AL-ZAWAHIRI, Ayman')).toBe(partsKey('Ayman al Zawahiri'));
    expect(partsKey('Ali Mohammed')).not.toBe(partsKey('Wali Mohammed'));
  });
});

describe('missKind', () => {
  const listed = new Set(['ALI', 'KONY', 'TONY', 'AHMED', 'HAQ']);
  it('names a typo spelling a listed part first, then a repeated part, a short part, another script', () => {
    expect(missKind('TONY', 'KONY', ['ALI', 'KONY'], 'Tony X', listed)).toBe('typedListed');
    expect(missKind('AHMEDU', 'AHMED', ['AHMED', 'AHMED'], 'Ahmed, A', listed)).toBe('repeatedPart');
    expect(missKind('HAJ', 'HAQ', ['ABDUL', 'HAQ'], 'Abdul', listed)).toBe('shortPart');
    expect(missKind('ITKRITI', 'TIKRITI', ['AL', 'TIKRITI'], 'إبراهيم التكريتي', listed)).toBe(
      'originalScriptFirst',
    );
    expect(missKind('ITKRITI', 'TIKRITI', ['AL', 'TIKRITI'], 'AL-TIKRITI, Barzan', listed)).toBe('other');
  });
});

describe('oneEditMisses counts every miss by kind and samples by stride', () => {
  it('puts each miss in one kind, the kinds summing to the misses and their reasons', () => {
    const kony = person('T1', 'Ali KONY');
    const others = ['T2', 'T3', 'T4', 'T5', 'T6'].map((id) => person(id, 'Ali DONY'));
    const index = new MatchIndex();
    for (const e of [kony, ...others]) index.add(e);
    const r = withoutGuarantee(() =>
      oneEditMisses(index, [kony], 'T', Infinity, undefined, undefined, undefined, [kony, ...others]),
    );
    const kinds = MISS_KINDS.map((k) => r.kinds[k]);
    expect(kinds.reduce((n, k) => n + k.misses, 0)).toBe(r.misses);
    expect(kinds.reduce((n, k) => n + k.notCandidate + k.behindCloser + k.tiedWithFifth, 0)).toBe(r.misses);
    // ALI DONY spells the listed DONY.
    expect(r.kinds.typedListed.misses).toBeGreaterThan(0);
    expect(r.examples.find((x) => x.query === 'ALI DONY')?.kind).toBe('typedListed');
  });

  it('takes every k-th person with --stride, sharded among those', () => {
    const entries = ['Khalil BAKRI', 'Fereidoun ABBASI', 'Joseph KONY', 'Ayman ZAWAHIRI', 'Omar BASHIR'].map(
      (n, i) => person(`T${i}`, n),
    );
    const index = new MatchIndex();
    for (const e of entries) index.add(e);
    const sample = oneEditMisses(index, entries, 'T', Infinity, undefined, undefined, undefined, entries, 2);
    expect(sample.persons).toBe(3);
    const shards = [0, 1].map((k) =>
      oneEditMisses(index, entries, 'T', Infinity, undefined, undefined, { k, of: 2 }, entries, 2),
    );
    expect(shards.map((s) => s.persons)).toEqual([2, 1]);
    expect(shards[0].queries + shards[1].queries).toBe(sample.queries);
  });
});
