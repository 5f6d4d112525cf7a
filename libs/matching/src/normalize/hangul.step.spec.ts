import { compareNames } from '../compare';
import { DEFAULT_THRESHOLDS } from '../policy';
import { hangulMatchingSyllable, mccuneReischauer, revisedRomanization } from './hangul.step';

describe('Hangul romanisation', () => {
  it.each([
    ['김정은', 'gimjeongeun', 'kimchongun'],
    ['박근혜', 'bakgeunhye', 'pakkunhye'],
    ['리설주', 'riseolju', 'risolchu'],
    ['최룡해', 'choeryonghae', 'choeryonghae'],
    ['시', 'si', 'shi'],
  ])('%s → RR %s, MR %s', (hangul, rr, mr) => {
    expect(revisedRomanization(hangul)).toBe(rr);
    expect(mccuneReischauer(hangul)).toBe(mr);
  });

  it('spells the matching form with RR consonants and MR vowels', () => {
    expect([...'정은'].map(hangulMatchingSyllable).join(' ')).toBe('jong un');
  });

  it('leaves other characters alone', () => {
    expect(revisedRomanization('a김')).toBe('agim');
  });

  it.each([
    ['Kim Jong Un', '김정은'],
    ['Kim Jeong-eun', '김정은'],
    ['Park Geun-hye', '박근혜'],
    ['Choe Ryong Hae', '최룡해'],
    ['Ri Sol Ju', '리설주'],
    ['Moon Jae-in', '문재인'],
  ])('%s (RR or MR) matches %s', (latin, hangul) => {
    expect(compareNames(latin, hangul).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.alert);
  });
});
