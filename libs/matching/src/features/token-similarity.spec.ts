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
