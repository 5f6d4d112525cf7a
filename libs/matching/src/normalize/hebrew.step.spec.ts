import { compareNames } from '../compare';
import { DEFAULT_THRESHOLDS } from '../policy';
import { hebrewToLatin } from './hebrew.step';

describe('hebrewToLatin', () => {
  it.each([
    // Matres lectionis: vav and yod write the vowels, a doubled vav is v, an initial yod is y.
    ['שלום', 'shlom'],
    ['דוד', 'dod'],
    ['בנימין נתניהו', 'bnimin ntniho'],
    ['יאקאבאווסקי', 'yakabvski'],
    // Final forms read as their letters; a final he is a silent vowel ending.
    ["קג'יטה", 'kjit'],
    ['משה', 'msh'],
    // Geresh: the sounds of foreign names.
    ["ג'ורג'", 'jorj'],
    ["צ'רצ'יל", 'chrchil'],
    ['ז׳ק', 'zhk'],
    // Niqqud, when written, gives its vowels.
    ['שָׁלוֹם', 'shalom'],
  ])('%s → %s', (input, expected) => {
    expect(hebrewToLatin(input)).toBe(expected);
  });

  it.each([
    ['Benjamin Netanyahu', 'בנימין נתניהו'],
    ['George', "ג'ורג'"],
    ['Jacobowski', 'יאקאבאווסקי'],
    ['Sandler', 'סנדלר'],
    ['Bahloul', 'בהלול'],
  ])('%s matches %s (vowels only the Latin side writes are cheap)', (latin, hebrew) => {
    expect(compareNames(latin, hebrew).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.alert);
  });
});
