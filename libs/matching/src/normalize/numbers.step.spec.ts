import { fixDigits, numberWords } from './numbers.step';

describe('fixDigits', () => {
  it.each([
    [
      ['ig0r', 'sech1n'],
      ['igor', 'sechin'],
    ],
    [['i9or'], ['igor']],
    [
      ['1st', 'international'],
      ['1', 'international'],
    ],
    [
      ['2004', '1'],
      ['2004', '1'],
    ],
  ])('%j → %j', (input, expected) => {
    expect(fixDigits(input)).toEqual(expected);
  });
});

describe('numberWords', () => {
  it.each([
    [
      ['brigade', 'forty', 'four'],
      ['brigade', '44'],
    ],
    [
      ['brigade', 'forty', '4'],
      ['brigade', '44'],
    ],
    [
      ['three', 'percenters'],
      ['3', 'percenters'],
    ],
    [
      ['first', 'bank'],
      ['1', 'bank'],
    ],
    [
      ['capital', 'trust', 'xv'],
      ['capital', 'trust', '15'],
    ],
    [
      ['partners', 'vi'],
      ['partners', '6'],
    ],
    [['vitol'], ['vitol']],
  ])('%j → %j', (input, expected) => {
    expect(numberWords(input)).toEqual(expected);
  });
});
