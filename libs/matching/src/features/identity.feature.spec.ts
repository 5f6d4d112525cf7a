import {
  compareDocuments,
  compareGender,
  compareNationality,
  comparePlaceOfBirth,
  placeTokens,
} from './identity.feature';

describe('compareDocuments', () => {
  it.each([
    [[{ number: 'p-123 456' }], [{ number: 'P123456' }], 'P123456'],
    [[{ number: 'P123456', issuer: 'IRN' }], [{ number: 'P123456', issuer: 'IRN' }], 'P123456'],
    [[{ number: 'P123456', issuer: 'IRQ' }], [{ number: 'P123456', issuer: 'IRN' }], undefined],
    [[{ number: 'X1' }], [{ number: 'P123456' }], undefined],
    [undefined, [{ number: 'P123456' }], undefined],
  ])('%j vs %j → %s', (query, listed, expected) => {
    expect(compareDocuments(query, listed)?.number).toBe(expected);
  });
});

describe('compareNationality / compareGender', () => {
  it.each([
    ['IRN', ['IRN', 'IRQ'], 'agree'],
    ['irn', ['IRN'], 'agree'],
    ['AFG', ['IRN'], 'disagree'],
    [undefined, ['IRN'], undefined],
    ['IRN', [], undefined],
  ])('nationality %s vs %j → %s', (q, l, expected) => {
    expect(compareNationality(q, l)).toBe(expected);
  });

  it.each([
    ['M', 'M', 'agree'],
    ['M', 'F', 'disagree'],
    ['U', 'F', undefined],
    ['X', 'M', undefined],
  ] as const)('gender %s vs %s → %s', (q, l, expected) => {
    expect(compareGender(q, l)).toBe(expected);
  });
});

describe('comparePlaceOfBirth', () => {
  it('measures the share of place words found', () => {
    const listed = [placeTokens('Tirin Kot, Uruzgan Province, Afghanistan')];
    expect(comparePlaceOfBirth('Tirin Kot city, Afghanistan', listed)?.share).toBe(1);
    expect(comparePlaceOfBirth('Kabul, Afghanistan', listed)?.share).toBe(0.5);
  });
});
