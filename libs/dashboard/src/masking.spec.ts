import { initials, maskedDocument } from './masking';

describe('initials', () => {
  it.each([
    ['KARVONEN', 'ALEKSI JUHANI', 'A. K.'],
    ['o’brien', 'mary-kate', 'M. O.'],
    ['ÖZTÜRK', 'ÇAĞLA', 'Ç. Ö.'],
    ['李', '小龙', '小. 李.'],
    ['SMITH', '', '?. S.'],
    [undefined, undefined, '?. ?.'],
    ['123', '-', '?. ?.'],
  ])('%s / %s → %s', (surname, given, expected) => {
    expect(initials(surname, given)).toBe(expected);
  });
});

describe('maskedDocument', () => {
  it.each([
    ['XF1111111', '•••••11'],
    ['P 12345 678', '•••••78'],
    ['123456', '•••••56'],
    ['12345', '•••••'],
    ['', '•••••'],
    [undefined, '•••••'],
  ])('%s → %s', (number, expected) => {
    expect(maskedDocument(number)).toBe(expected);
  });

  it('does not disclose the length of the number', () => {
    expect(maskedDocument('AB123456').length).toBe(maskedDocument('AB1234567890123').length);
  });
});
