import { EntryBuilder, clean, commaNameParts, genderCode } from './entry-builder';

describe('entry-builder helpers', () => {
  it.each([
    ['  a \n b\t c ', 'a b c'],
    ['plain', 'plain'],
    [undefined, ''],
  ])('clean(%j) = %j', (value, expected) => {
    expect(clean(value)).toBe(expected);
  });

  it.each([
    ['LIFSHITS, Artem Mikhaylovich', { surname: 'LIFSHITS', givenNames: 'Artem Mikhaylovich' }],
    ['Al-Haq, Amin', { surname: 'Al-Haq', givenNames: 'Amin' }],
    ['NO COMMA NAME', {}],
    ['A, B, C', {}],
    [', Given', {}],
  ])('commaNameParts(%j)', (name, parts) => {
    expect(commaNameParts(name)).toEqual(parts);
  });

  it.each([
    ['Male', 'M'],
    ['female', 'F'],
    ['X', 'X'],
    ['unknown', undefined],
  ])('genderCode(%j) = %j', (value, code) => {
    expect(genderCode(value)).toBe(code);
  });

  it('drops empty values and duplicates, keeps the primary name first', () => {
    const entry = new EntryBuilder('L', '1', 'PERSON')
      .name('JOHN DOE', 'primary')
      .name('john doe', 'alias')
      .name('  ', 'alias')
      .name('J. DOE', 'weak')
      .date({ date: '1970' })
      .date({ date: '1970' })
      .nationality('GBR')
      .nationality(undefined)
      .nationality('GBR')
      .document({ type: 'P', number: ' X1 ' })
      .document({ type: 'P', number: 'x1' })
      .program('A')
      .program('A')
      .build();
    expect(entry).toEqual({
      listId: 'L',
      entryId: '1',
      kind: 'PERSON',
      names: [
        { full: 'JOHN DOE', type: 'primary' },
        { full: 'J. DOE', type: 'weak' },
      ],
      datesOfBirth: [{ date: '1970' }],
      placesOfBirth: [],
      nationalities: ['GBR'],
      documents: [{ type: 'P', number: 'X1' }],
      programs: ['A'],
    });
  });
});
