import { checkDigitMatches } from './check-digit';

/**
 * Reads a machine-readable zone (ICAO Doc 9303 parts 4–6): TD3 (passports, 2 × 44), TD2 (2 × 36,
 * and MRV-B visas), TD1 (identity cards, 3 × 30). Values stay raw (`YYMMDD` dates, `<` fillers turned
 * into spaces in names); every check digit is reported by field name so callers can explain a
 * failure without repeating the data. Used by the JSON manifest reader and the gateway's
 * port-of-entry look-up.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';
export type MrzCheckField = 'documentNumber' | 'dateOfBirth' | 'expiry' | 'personalNumber' | 'composite';

export interface MrzReading {
  format: MrzFormat;
  documentCode: string;
  issuer: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD as printed. */
  dateOfBirth: string;
  sex: string;
  /** YYMMDD as printed. */
  expiry: string;
  surname: string;
  givenNames: string;
  checks: { field: MrzCheckField; valid: boolean }[];
}

const SHAPES: ReadonlyArray<{ format: MrzFormat; lines: number; length: number }> = [
  { format: 'TD3', lines: 2, length: 44 },
  { format: 'TD2', lines: 2, length: 36 },
  { format: 'TD1', lines: 3, length: 30 },
];
const MRZ_CHARS = /^[A-Z0-9<]+$/;

function clean(field: string): string {
  return field.replace(/<+$/, '').replace(/</g, ' ').trim();
}

function names(field: string): { surname: string; givenNames: string } {
  const [surname = '', given = ''] = field.split('<<');
  return { surname: clean(surname), givenNames: clean(given.replace(/<+/g, '<')) };
}

export function parseMrz(input: string[] | string): MrzReading | undefined {
  const lines = (Array.isArray(input) ? input : input.split(/\r?\n/))
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l !== '');
  const shape = SHAPES.find((s) => s.lines === lines.length && lines.every((l) => l.length === s.length));
  if (!shape || !lines.every((l) => MRZ_CHARS.test(l))) return undefined;
  return shape.format === 'TD1' ? readTd1(lines) : readTd23(lines, shape.format);
}

function readTd23(lines: string[], format: 'TD2' | 'TD3'): MrzReading {
  const [l1, l2] = lines;
  const visa = l1.startsWith('V');
  const optionalEnd = format === 'TD3' ? 42 : 35;
  const checks: MrzReading['checks'] = [
    { field: 'documentNumber', valid: checkDigitMatches(l2.slice(0, 9), l2[9]) },
    { field: 'dateOfBirth', valid: checkDigitMatches(l2.slice(13, 19), l2[19]) },
    { field: 'expiry', valid: checkDigitMatches(l2.slice(21, 27), l2[27]) },
  ];
  if (format === 'TD3' && !visa) {
    checks.push({ field: 'personalNumber', valid: checkDigitMatches(l2.slice(28, 42), l2[42]) });
  }
  if (!visa) {
    const composite =
      l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, optionalEnd + (format === 'TD3' ? 1 : 0));
    checks.push({ field: 'composite', valid: checkDigitMatches(composite, l2[l2.length - 1]) });
  }
  return {
    format,
    documentCode: clean(l1.slice(0, 2)),
    issuer: clean(l1.slice(2, 5)),
    documentNumber: clean(l2.slice(0, 9)),
    nationality: clean(l2.slice(10, 13)),
    dateOfBirth: l2.slice(13, 19),
    sex: clean(l2.slice(20, 21)),
    expiry: l2.slice(21, 27),
    ...names(l1.slice(5)),
    checks,
  };
}

function readTd1(lines: string[]): MrzReading {
  const [l1, l2, l3] = lines;
  let documentNumber = l1.slice(5, 14);
  let numberCheck = l1[14];
  let numberField = documentNumber;
  // Doc 9303-5 §4.2.4: a number longer than 9 characters continues in the optional data, ending
  // with its check digit, and position 15 holds a filler.
  if (numberCheck === '<') {
    const overflow = l1.slice(15, 30).replace(/<+$/, '');
    numberField = documentNumber + overflow.slice(0, -1);
    numberCheck = overflow.slice(-1);
    documentNumber = numberField;
  }
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  return {
    format: 'TD1',
    documentCode: clean(l1.slice(0, 2)),
    issuer: clean(l1.slice(2, 5)),
    documentNumber: clean(documentNumber),
    nationality: clean(l2.slice(15, 18)),
    dateOfBirth: l2.slice(0, 6),
    sex: clean(l2.slice(7, 8)),
    expiry: l2.slice(8, 14),
    ...names(l3),
    checks: [
      { field: 'documentNumber', valid: checkDigitMatches(numberField, numberCheck ?? '') },
      { field: 'dateOfBirth', valid: checkDigitMatches(l2.slice(0, 6), l2[6]) },
      { field: 'expiry', valid: checkDigitMatches(l2.slice(8, 14), l2[14]) },
      { field: 'composite', valid: checkDigitMatches(composite, l2[29]) },
    ],
  };
}
