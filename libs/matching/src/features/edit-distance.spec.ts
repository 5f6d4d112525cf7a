import { comparisonForm, weightedDistance } from './edit-distance';

const d = (a: string, b: string, aPoor = false, bPoor = false) =>
  weightedDistance(comparisonForm(a), comparisonForm(b), aPoor, bPoor);

describe('weightedDistance', () => {
  it.each([
    ['putin', 'putin', 0],
    ['putin', 'pulin', 1],
    ['mohammed', 'muhammad', 1],
    ['wladimir', 'vladimir', 0.5],
    ['zelensky', 'zelenskyy', 0.5],
    ['mahmoud', 'mahmud', 0],
    ['donlad', 'donald', 0.8],
    // k → s also pays for changing the first letter.
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(d(a, b)).toBeCloseTo(expected, 5);
  });

  it('charges vowels missing from a vowel-poor romanisation little', () => {
    expect(d('mhmd', 'mohammed', true, false)).toBeCloseTo(0.2 * 3 + 0.5, 5);
    expect(d('mhmd', 'mohammed')).toBeGreaterThan(3);
  });

  it('confuses l and r only against a vowel-poor romanisation (kana has one liquid)', () => {
    expect(d('midl', 'midr', true, false)).toBeCloseTo(0.5, 5);
    expect(d('lima', 'rima')).toBeCloseTo(1 + 0.5, 5);
  });

  it('is symmetric', () => {
    expect(d('hussein', 'husayn')).toBeCloseTo(d('husayn', 'hussein'), 5);
  });

  it('allows only romanisation variants, or only spelling variants, when asked', () => {
    const romanisation = (a: string, b: string) => weightedDistance(a, b, false, false, 10, 'romanisation');
    expect(romanisation('chang', 'chung')).toBeCloseTo(0.5, 5);
    expect(romanisation('bong', 'pong')).toBeCloseTo(0.5, 5);
    expect(romanisation('tung', 'thung')).toBeCloseTo(0.5, 5);
    expect(romanisation('ding', 'ming')).toBeGreaterThan(10);
    expect(romanisation('chen', 'cheng')).toBeGreaterThan(10);
    expect(romanisation('kang', 'kagn')).toBeGreaterThan(10);
    const spelling = (a: string, b: string) => weightedDistance(a, b, false, false, 10, 'spelling');
    expect(spelling('tung', 'thung')).toBeCloseTo(0.5, 5);
    expect(spelling('chang', 'chung')).toBeGreaterThan(10);
    expect(spelling('jun', 'yun')).toBeGreaterThan(10);
  });

  it('gives up past the limit', () => {
    expect(weightedDistance('abcdefgh', 'zyxwvuts', false, false, 2)).toBe(Infinity);
  });
});
