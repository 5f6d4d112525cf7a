import { foldLatin } from './latin-fold.step';

describe('foldLatin', () => {
  it.each([
    ['erdoğan', 'erdogan'],
    ['vučić', 'vucic'],
    ['françois', 'francois'],
    ['straße', 'strasse'],
    ['søren', 'soren'],
    ['łukasz', 'lukasz'],
    ['khürelsükh', 'khurelsukh'],
    ['qa’ida', "qa'ida"],
    ['plain', 'plain'],
  ])('%s → %s', (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });
});
