import { checkDigit, checkDigitMatches } from './check-digit';
import { parseMrz } from './mrz.parse';

// Specimens from ICAO Doc 9303 (Utopia, fictitious state and persons).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

describe('check digits', () => {
  it.each([
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['ZE184226B<<<<<', 1],
    ['D23145890', 7],
    ['', 0],
  ])('%s → %i', (field, digit) => {
    expect(checkDigit(field)).toBe(digit);
  });

  it('accepts < for an empty field only', () => {
    expect(checkDigitMatches('<<<<', '<')).toBe(true);
    expect(checkDigitMatches('740812', '<')).toBe(false);
    expect(checkDigitMatches('740812', 'X')).toBe(false);
  });
});

describe('parseMrz', () => {
  it.each([
    [TD3, 'TD3', 'L898902C3'],
    [TD1, 'TD1', 'D23145890'],
    [TD2, 'TD2', 'D23145890'],
  ])('reads the ICAO specimen %#', (lines, format, number) => {
    const r = parseMrz(lines)!;
    expect(r).toMatchObject({
      format,
      issuer: 'UTO',
      nationality: 'UTO',
      documentNumber: number,
      dateOfBirth: '740812',
      sex: 'F',
      expiry: '120415',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
    expect(r.checks.every((c) => c.valid)).toBe(true);
  });

  it('names the field whose check digit fails', () => {
    const tampered = [TD3[0], TD3[1].replace('7408122', '7408132')];
    expect(
      parseMrz(tampered)!
        .checks.filter((c) => !c.valid)
        .map((c) => c.field),
    ).toEqual(['dateOfBirth', 'composite']);
  });

  it.each([[['P<UTO']], [[TD3[0], `${TD3[1]}X`]], [[TD3[0].replace('P', 'p!'), TD3[1]]], [[]]])(
    'rejects %j',
    (lines) => {
      expect(parseMrz(lines)).toBeUndefined();
    },
  );

  it('reads long TD1 document numbers continued in the optional data', () => {
    const number = 'D23145890AB';
    const l1 = `I<UTO${number.slice(0, 9)}<${number.slice(9)}${checkDigit(number)}`.padEnd(30, '<');
    const l2 = TD1[1].slice(0, 29);
    const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
    const r = parseMrz([l1, `${l2}${checkDigit(composite)}`, TD1[2]])!;
    expect(r.documentNumber).toBe(number);
    expect(r.checks.every((c) => c.valid)).toBe(true);
  });
});
