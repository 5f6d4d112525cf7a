import { compareNames } from '../compare';
import { DEFAULT_THRESHOLDS } from '../policy';
import { hepburn, kanaToLatin } from './kana.step';

describe('hepburn', () => {
  it.each([
    ['ジョン', 'jon'],
    ['シンゾウ', 'shinzou'],
    ['しんぞう', 'shinzou'],
    // Long vowels: the macron has no ASCII form and is dropped.
    ['スチュワート', 'suchuwato'],
    // Sokuon doubles the next consonant (t before ch).
    ['マッチ', 'matchi'],
    ['ピノック', 'pinokku'],
    // ン: n, m before labials.
    ['トランプ', 'torampu'],
    // Foreign sounds written with small kana.
    ['ヴォリス', 'vorisu'],
    ['ティム', 'timu'],
    ['トゥホルスキー', 'tuhorusuki'],
    ['ファン', 'fan'],
    ['ウィリアム', 'wiriamu'],
    ['シェイクスピア', 'sheikusupia'],
    ['キャサリン', 'kyasarin'],
  ])('%s → %s', (input, expected) => {
    expect(hepburn(input)).toBe(expected);
  });
});

describe('kanaToLatin (matching form)', () => {
  it.each([
    // The vowels Japanese adds to close a foreign consonant go; r at a consonant's place reads l.
    ['ミドル', 'midl'],
    ['トゥホルスキー', 'tuholski'],
    ['ドナルド', 'donald'],
    ['トランプ', 'tramp'],
    // A final long a/e is the r of -ar/-er (elsewhere only long); a long vowel is never a closing one.
    ['スチュワート', 'schuwat'],
    ['ミラー', 'mirar'],
    ['クルーズ', 'kruz'],
  ])('%s → %s', (input, expected) => {
    expect(kanaToLatin(input)).toBe(expected);
  });

  it.each([
    ['Donald Trump', 'ドナルド・トランプ'],
    ['Tom Cruise', 'トム・クルーズ'],
    ['Osama bin Laden', 'ウサーマ・ビン・ラーディン'],
    ['Middel', 'ミドル'],
    ['Marquez', 'マルケス'],
    ['Pinnock', 'ピノック'],
  ])('%s matches %s', (latin, kana) => {
    expect(compareNames(latin, kana).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.alert);
  });
});
