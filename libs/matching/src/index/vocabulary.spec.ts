import { DEFAULT_ALGORITHM } from '../algorithms/registry';
import { withinOneEdit, withinTwoEdits } from '../features/edit-distance';
import { comparable } from '../features/token-similarity';
import { normalizeName } from '../normalize/pipeline';
import { LOOKUP_LIMITS } from './match-index';
import { Vocabulary } from './vocabulary';

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

describe('Vocabulary expansions past the cut', () => {
  it('keeps spellings one edit away for a Latin spelling, not for a Han or Hangul syllable', () => {
    const vocab = new Vocabulary();
    const ids = ['SO', 'SE'].map((name) => vocab.idOf(normalizeName(name).tokens[0]));
    for (const id of ids) vocab.df[id] = 1;
    const cut = { ...LOOKUP_LIMITS, maxExpansions: 1 };
    const expansions = (name: string): string[] =>
      vocab
        .similar(comparable(normalizeName(name).tokens[0]), DEFAULT_ALGORITHM.alignment, cut)
        .map((x) => vocab.tokens[x.id].token.text);
    expect(expansions('SO')).toEqual(['so', 'se']);
    // 서 reads SO: SE is another syllable (세), not a typo of it.
    expect(expansions('서')).toEqual(['so']);
    // Past the cut, no more names are walked than a bucket holds.
    vocab.df[ids[1]] = LOOKUP_LIMITS.maxBucket + 1;
    expect(expansions('SO')).toEqual(['so']);
  });
});

describe('Vocabulary edit look-ups', () => {
  // Doubled letters, a repeated letter apart (deletions that spell the same), short and long parts.
  const held = [
    'KHALIL',
    'KHALILL',
    'ANNA',
    'ANA',
    'HANNA',
    'KARVONEN',
    'KAARVONEN',
    'ABDULRAHMAN',
    'MUSSAWI',
  ];
  const vocab = new Vocabulary();
  const ids = held.map((name) => vocab.idOf(normalizeName(name).tokens[0]));
  for (const id of ids) vocab.df[id] = 1;
  const limits = { ...LOOKUP_LIMITS, maxExpansions: 1000, maxExactHoldersForEdits: 1000 };
  const found = (spelling: string): string[] =>
    vocab
      .similar(comparable(normalizeName(spelling).tokens[0]), DEFAULT_ALGORITHM.alignment, limits)
      .map((e) => vocab.tokens[e.id].token.text);
  const variants = (word: string, letters: string): string[] => {
    const out = new Set<string>();
    for (let i = 0; i <= word.length; i++) {
      out.add(word.slice(0, i) + word.slice(i + 1));
      for (const c of letters) {
        out.add(word.slice(0, i) + c + word.slice(i));
        out.add(word.slice(0, i) + c + word.slice(i + 1));
      }
      if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    return [...out].filter((v) => v.length > 0);
  };

  it.each(held)('every spelling one edit from %s finds every held part one edit from it', (word) => {
    const missing: string[] = [];
    for (const v of variants(word, 'ABKLNRVWX')) {
      const texts = found(v);
      for (const t of vocab.tokens)
        if (
          t.token.text.length >= 3 &&
          withinOneEdit(t.token.text, v.toLowerCase()) &&
          !texts.includes(t.token.text)
        )
          missing.push(`${v} → ${t.token.text}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(held)(
    'typoNeighbours of every spelling one edit from %s: each held part a typo away, once',
    (word) => {
      const typoOf = (t: string, v: string) =>
        t !== v && t.length >= 3 && (withinOneEdit(t, v) || (t.length >= 8 && withinTwoEdits(t, v)));
      for (const v of [word, ...variants(word, 'ABKLNRVWX')].map((x) => x.toLowerCase())) {
        const expected = vocab.tokens.map((t) => t.token.text).filter((t) => typoOf(t, v));
        const got = vocab.typoNeighbours(v, limits).map((id) => vocab.tokens[id].token.text);
        expect({ v, got: got.sort() }).toEqual({ v, got: expected.sort() });
      }
    },
  );

  it('spelt: the tokens of a spelling, of any role', () => {
    expect(vocab.spelt('khalil')).toEqual([ids[0]]);
    expect(vocab.spelt('khali')).toEqual([]);
  });

  it.each(['KARVONEN', 'ABDULRAHMAN'])('every spelling two edits from %s finds it', (word) => {
    const text = vocab.tokens[ids[held.indexOf(word)]].token.text;
    const missing = new Set<string>();
    for (const once of variants(word, 'AX'))
      for (const twice of variants(once, 'AX'))
        if (withinTwoEdits(text, twice.toLowerCase()) && !found(twice).includes(text)) missing.add(twice);
    expect([...missing]).toEqual([]);
  });
});
