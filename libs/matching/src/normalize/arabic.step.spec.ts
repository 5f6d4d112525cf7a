import { arabicToLatin } from './arabic.step';

describe('arabicToLatin', () => {
  it.each([
    ['محمد بن سلمان', 'mhmd bn slman'],
    ['حسین موسوی', 'hsin muswi'],
    ['عبد الفتاح السيسي', 'abd al ftah al sisi'],
    ['عبدالله', 'abdallah'],
    ['عمر', 'amr'],
    ['الله', 'allah'],
    ['أسامة', 'asama'],
    ['وليد', 'wlid'],
    ['١٩٧٠', '1970'],
  ])('%s → %s', (input, expected) => {
    expect(arabicToLatin(input)).toBe(expected);
  });
});
