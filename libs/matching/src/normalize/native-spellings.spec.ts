import { nativeSpellings, wadeGiles } from './native-spellings';

describe('wadeGiles', () => {
  it.each([
    ['xi', 'hsi'],
    ['jin', 'chin'],
    ['zhou', 'chou'],
    ['zhong', 'chung'],
    ['deng', 'teng'],
    ['ze', 'tse'],
    ['dong', 'tung'],
    ['jie', 'chieh'],
    ['shi', 'shih'],
    ['ge', 'ko'],
    ['guo', 'kuo'],
    ['duo', 'to'],
    ['gui', 'kuei'],
    ['xue', 'hsueh'],
    ['qiong', 'chiung'],
    ['yan', 'yen'],
    ['mao', 'mao'],
  ])('%s → %s', (pinyin, wg) => {
    expect(wadeGiles(pinyin)).toBe(wg);
  });
});

describe('nativeSpellings', () => {
  it('spells Han in pinyin and Wade–Giles, syllable by syllable', () => {
    expect(nativeSpellings('zedong', '泽东')).toEqual(['zedong', 'tsetung']);
    expect(nativeSpellings('xi', '习')).toEqual(['xi', 'hsi']);
  });

  it('spells Hangul in its matching form, Revised Romanization and McCune–Reischauer', () => {
    expect(nativeSpellings('jongun', '정은')).toEqual(['jongun', 'jeongeun', 'chongun']);
  });
});
