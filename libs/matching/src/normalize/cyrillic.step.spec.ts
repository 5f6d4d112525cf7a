import { cyrillicToLatin, hasIcaoCyrillic } from './cyrillic.step';

describe('cyrillicToLatin (ICAO 9303)', () => {
  it.each([
    ['владимир путин', 'vladimir putin'],
    ['щербаков', 'shcherbakov'],
    ['юлия', 'iuliia'],
    ['хрущёв', 'khrushchev'],
    ['зеленський', 'zelenskii'],
    ['цой', 'tsoi'],
    ['объект', 'obieekt'],
    ['abc', 'abc'],
  ])('%s → %s', (input, expected) => {
    expect(cyrillicToLatin(input)).toBe(expected);
  });

  it('knows which letters it covers', () => {
    expect(hasIcaoCyrillic('ж')).toBe(true);
    expect(hasIcaoCyrillic('ә')).toBe(false);
  });
});
