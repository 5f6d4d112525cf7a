import { checkDigit } from './check-digit';

/** What a passport's machine-readable zone (TD3) prints. Dates `YYYY-MM-DD`; a missing one is filled. */
export interface Td3Fields {
  /** Issuing state, ICAO code (3 letters). */
  issuer: string;
  /** At most 9 characters (a longer number continues in the optional data: not written here). */
  documentNumber: string;
  nationality?: string;
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
  /** `M`, `F`, anything else unspecified. */
  sex?: string;
  expiry?: string;
}

/** Upper-case MRZ characters: accents dropped, anything else a `<` filler. */
function mrzText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '<');
}

const pad = (field: string, length: number) => (field + '<'.repeat(length)).slice(0, length);

/** `YYMMDD` of a full `YYYY-MM-DD` date, fillers otherwise (partial dates are not printed). */
function mrzDay(date: string | undefined): string {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(2).replace(/-/g, '') : '<<<<<<';
}

/**
 * The two 44-character lines of a passport's MRZ (ICAO Doc 9303 part 4), with every check digit,
 * as a reader scans them: what `parseMrz` and the gateway's `POST /v1/poe/mrz` read. Names are
 * cut to the line's 39 characters. Undefined when the document number does not fit in 9 characters.
 */
export function writeTd3Mrz(f: Td3Fields): [string, string] | undefined {
  const number = mrzText(f.documentNumber);
  if (number.length > 9) return undefined;
  const name = `${mrzText(f.surname)}<<${mrzText(f.givenNames)}`;
  const line1 = `P<${pad(mrzText(f.issuer), 3)}${pad(name, 39)}`;
  const doc = pad(number, 9);
  const dob = mrzDay(f.dateOfBirth);
  const expiry = mrzDay(f.expiry);
  const sex = f.sex === 'M' || f.sex === 'F' ? f.sex : '<';
  const optional = pad('', 14);
  const body =
    `${doc}${checkDigit(doc)}${pad(mrzText(f.nationality ?? f.issuer), 3)}${dob}${checkDigit(dob)}` +
    `${sex}${expiry}${checkDigit(expiry)}${optional}${checkDigit(optional)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}
