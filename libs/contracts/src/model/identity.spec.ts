import { identityKey, identityName, primaryDocument } from './identity';

const base = {
  surname: 'MÜLLER',
  givenNames: 'Anna Maria',
  dateOfBirth: '1980-02-03',
  documents: [{ type: 'P', number: 'C01X00T47', issuer: 'DEU' }],
};

describe('identityKey', () => {
  it('is a sha256 hex digest', () => expect(identityKey(base)).toMatch(/^[0-9a-f]{64}$/));

  it.each([
    ['accents and case', { ...base, surname: 'muller' }],
    ['name order and punctuation', { ...base, surname: 'Maria', givenNames: 'MULLER, ANNA' }],
    [
      'document typed with spaces and a look-alike letter',
      { ...base, documents: [{ type: 'P', number: 'С01 X00 T47', issuer: 'deu' }] },
    ],
    [
      'a visa listed before the passport',
      { ...base, documents: [{ type: 'V', number: 'V1', issuer: 'USA' }, ...base.documents] },
    ],
  ])('is stable across %s', (_, variant) => expect(identityKey(variant)).toBe(identityKey(base)));

  it.each([
    ['another birth date', { ...base, dateOfBirth: '1980-02-04' }],
    ['another passport', { ...base, documents: [{ type: 'P', number: 'C01X00T48', issuer: 'DEU' }] }],
    ['another issuer', { ...base, documents: [{ type: 'P', number: 'C01X00T47', issuer: 'AUT' }] }],
    ['another name', { ...base, givenNames: 'Anna' }],
  ])('changes with %s', (_, variant) => expect(identityKey(variant)).not.toBe(identityKey(base)));

  it('reads names and documents in compared form', () => {
    expect(identityName('Ó’Brien', 'Seán')).toBe('BRIEN O SEAN');
    expect(primaryDocument([])).toBe('');
    expect(primaryDocument([{ type: 'I', number: 'x-1', issuer: 'fra' }])).toBe('FRA:X1');
  });
});
