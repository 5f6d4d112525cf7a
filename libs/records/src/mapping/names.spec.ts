import { nameSearchText, nameSkeleton, wordSkeleton } from './names';

describe('record names', () => {
  it.each([
    ['MUHAMMAD', 'MHMD'],
    ['MOHAMED', 'MHMD'],
    ['MOHAMMED', 'MHMD'],
    ['ALY', 'L'],
    ['ALI', 'L'],
    ['AI', 'A'],
    ['SCHMIDT', 'SCHMDT'],
  ])('skeleton of %s is %s', (word, skeleton) => {
    expect(wordSkeleton(word)).toBe(skeleton);
  });

  it.each([
    ['Muhammad', 'Aly', 'ALI', 'MOHAMED'],
    ['José', 'Müller', 'MULLER', 'JOSE'],
    ['Ahmad', 'Al-Rashid', 'AL RASHID', 'AHMED'],
  ])('"%s %s" and "%s %s" share a skeleton', (g1, s1, s2, g2) => {
    expect(nameSkeleton(g1, s1)).toBe(nameSkeleton(s2, g2));
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('JOHN', 'SMITH')).not.toBe(nameSkeleton('JANE', 'SMYTHE'));
  });

  it('folds accents and scripts to upper-case ASCII words', () => {
    expect(nameSearchText('José-María', "O'Brien")).toBe('JOSE MARIA O BRIEN');
    expect(nameSearchText('', 'Łukasiewicz')).toBe('LUKASIEWICZ');
  });
});
