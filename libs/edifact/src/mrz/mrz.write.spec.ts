import { readMrzDocument } from './mrz.document';
import { parseMrz } from './mrz.parse';
import { writeTd3Mrz } from './mrz.write';

describe('writeTd3Mrz', () => {
  it('writes the ICAO 9303 specimen (Anna Maria Eriksson) as printed, without its personal number', () => {
    const lines = writeTd3Mrz({
      issuer: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      dateOfBirth: '1974-08-12',
      sex: 'F',
      expiry: '2012-04-15',
    })!;
    expect(lines[0]).toBe('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<');
    // The specimen's second line up to its optional data (which holds a personal number there).
    expect(lines[1].slice(0, 28)).toBe('L898902C36UTO7408122F1204159');
    expect(lines[1].slice(28, 43)).toBe('<<<<<<<<<<<<<<0');
    expect(parseMrz(lines)!.checks.every((c) => c.valid)).toBe(true);
  });

  it('reads back as the same document, every check digit valid', () => {
    const lines = writeTd3Mrz({
      issuer: 'AUS',
      documentNumber: 'XA0000101',
      surname: 'Tanaka-Reyes',
      givenNames: 'Émi',
      dateOfBirth: '1984-02-29',
      expiry: '2030-01-01',
    })!;
    expect(lines.every((l) => l.length === 44)).toBe(true);
    expect(parseMrz(lines)!.checks.every((c) => c.valid)).toBe(true);
    expect(readMrzDocument(lines.join('\n'), new Date('2026-12-06'))).toMatchObject({
      issuer: 'AUS',
      number: 'XA0000101',
      nationality: 'AUS',
      surname: 'TANAKA REYES',
      givenNames: 'EMI',
      dateOfBirth: '1984-02-29',
      expiry: '2030-01-01',
      gender: 'X',
    });
  });

  it('fills what it does not know and refuses a number longer than the field', () => {
    const lines = writeTd3Mrz({ issuer: 'NGA', documentNumber: 'A1', surname: 'OKAFOR', givenNames: '' })!;
    expect(parseMrz(lines)!.checks.every((c) => c.valid)).toBe(true);
    expect(readMrzDocument(lines.join('\n')).dateOfBirth).toBeUndefined();
    expect(
      writeTd3Mrz({ issuer: 'NGA', documentNumber: 'A123456789', surname: 'X', givenNames: 'Y' }),
    ).toBeUndefined();
  });
});
