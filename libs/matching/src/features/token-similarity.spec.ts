import { PAXSCREEN_V1 } from '../algorithms/paxscreen-v1';
import { normalizeName } from '../normalize/pipeline';
import { comparable, tokenSimilarity } from './token-similarity';

const token = (name: string) => comparable(normalizeName(name).tokens[0]);
const sim = (a: string, b: string) => tokenSimilarity(token(a), token(b), PAXSCREEN_V1.alignment);

describe('tokenSimilarity', () => {
  it.each([
    ['putin', 'putin', 1],
    ['v', 'vladimir', PAXSCREEN_V1.alignment.initialSimilarity],
    ['bill', 'william', PAXSCREEN_V1.alignment.groupSimilarity],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(sim(a, b)).toBeCloseTo(expected, 5);
  });

  it.each([
    ['putin', 'pulin'],
    ['mohammed', 'muhammad'],
    ['محمد', 'mohammed'],
    ['hussein', 'husayn'],
  ])('%s and %s are spellings of one name', (a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['daniel', 'donald'],
    ['janan', 'manan'],
    ['castillo', 'castro'],
    ['a', 'nursultan'],
  ])('%s and %s are different names', (a, b) => {
    expect(sim(a, b)).toBeLessThan(0.75);
  });
});

describe('tokenSimilarity: one typo is never a different name (issue 18)', () => {
  it.each([
    ['kony', 'bony'],
    ['ali', 'mli'],
    ['kony', 'khony'],
    ['mahmood', 'mahmoaod'],
    ['lalobo', 'laloo'],
  ])('%s ~ %s keeps a similarity', (a, b) => {
    expect(sim(a, b)).toBeGreaterThan(0);
  });

  it('scores a first-letter typo of a short part below the alert threshold', () => {
    expect(sim('kony', 'bony')).toBeCloseTo(1 - 1.5 / 4, 5);
    expect(sim('kony', 'bony')).toBeLessThan(0.7);
  });

  it('keeps two edits in a short part apart, and two-letter parts apart', () => {
    expect(sim('kony', 'bany')).toBe(0);
    expect(sim('bo', 'jo')).toBe(0);
  });
});

describe('tokenSimilarity: a Chinese or Korean syllable against Latin letters (issue 18)', () => {
  // The given name of a name written surname first, as one token with its characters.
  const given = (name: string) =>
    comparable(normalizeName(`${/\p{Script=Hangul}/u.test(name) ? '김' : '李'}${name}`).tokens[1]);
  const sim = (a: string, b: string) => tokenSimilarity(given(a), token(b), PAXSCREEN_V1.alignment);

  // One character is one syllable: a Latin part one letter away from its romanisation is another syllable.
  it.each([
    ['陈', 'cheng'],
    ['丁', 'ming'],
    ['平', 'hsing'],
    ['홍', 'cheng'],
    ['军', 'yun'],
    ['畅', 'chung'],
  ])('%s is not %s', (a, b) => {
    expect(sim(a, b)).toBe(0);
  });

  it.each([
    ['陈', 'chen'],
    ['近平', 'jinping'],
    ['近平', 'chinping'],
    ['泽东', 'tsetung'],
    ['许', 'hsu'],
    ['정은', 'jongun'],
    ['정은', 'jeongeun'],
    ['정은', 'chongun'],
    ['봉주', 'pongju'],
  ])('%s is listed as %s (pinyin, Wade–Giles, RR, McCune–Reischauer)', (a, b) => {
    expect(sim(a, b)).toBeGreaterThanOrEqual(0.9);
  });
});
