import { MrzError, mrzDate, readMrzDocument } from './mrz.document';

// Specimens from ICAO Doc 9303 (Utopia, fictitious state and persons).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const NOW = new Date('2026-06-01T00:00:00Z');

describe('readMrzDocument', () => {
  it.each([
    [TD3, 'TD3', 'P', 'L898902C3'],
    [TD1, 'TD1', 'I', 'D23145890'],
    [TD2, 'TD2', 'I', 'D23145890'],
  ])('reads the ICAO specimen %#', (lines, format, type, number) => {
    expect(readMrzDocument(lines.join('\n'), NOW)).toEqual({
      format,
      type,
      issuer: 'UTO',
      number,
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      dateOfBirth: '1974-08-12',
      expiry: '2012-04-15',
      gender: 'F',
    });
  });

  it('refuses what is not a zone', () => {
    expect(() => readMrzDocument('P<UTO', NOW)).toThrow(
      expect.objectContaining({ code: 'MRZ_UNREADABLE' }) as unknown as Error,
    );
  });

  it('names the fields whose check digit fails', () => {
    const tampered = [TD3[0], TD3[1].replace('7408122', '7408132')];
    let error: unknown;
    try {
      readMrzDocument(tampered, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MrzError);
    expect(error).toMatchObject({ code: 'MRZ_CHECK_DIGIT', fields: ['dateOfBirth', 'composite'] });
  });
});

describe('mrzDate', () => {
  it.each([
    ['740812', 'birth', '1974-08-12'],
    ['260531', 'birth', '2026-05-31'],
    ['270101', 'birth', '1927-01-01'],
    ['120415', 'expiry', '2012-04-15'],
    ['360101', 'expiry', '2036-01-01'],
    ['991231', 'expiry', '1999-12-31'],
    ['741312', 'birth', undefined],
    ['7408', 'birth', undefined],
  ] as const)('%s as %s is %s', (yymmdd, kind, iso) => {
    expect(mrzDate(yymmdd, kind, NOW)).toBe(iso);
  });
});
