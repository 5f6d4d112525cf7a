/**
 * The free text of SSR DOCS / DOCO / DOCA (IATA AIRIMP §3.10 APIS SSRs), slash-separated:
 * - DOCS `/<type>/<issuer>/<number>/<nationality>/<birth DDMMMYY>/<sex>/<expiry DDMMMYY>/<surname>/<given>/<middle>`
 * - DOCO `/<place of birth>/<type>/<number>/<place of issue>/<issue DDMMMYY>/<applicable country>`
 * - DOCA `/<R|D>/<country>/<street>/<city>/<state>/<postal code>`
 * Fields stay raw strings here; the reader normalises them and reports what is wrong.
 */
export interface DocsText {
  type: string;
  issuer: string;
  number: string;
  nationality: string;
  dateOfBirth: string;
  sex: string;
  expiry: string;
  surname: string;
  given: string;
  middle: string;
}

export interface DocoText {
  placeOfBirth: string;
  type: string;
  number: string;
  placeOfIssue: string;
  issued: string;
  country: string;
}

export interface DocaText {
  kind: string;
  country: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
}

function fields(text: string): string[] {
  const body = text.startsWith('/') ? text.slice(1) : text;
  return body.split('/').map((f) => f.trim());
}

export function parseDocs(text: string): DocsText {
  const [
    type = '',
    issuer = '',
    number = '',
    nationality = '',
    dateOfBirth = '',
    sex = '',
    expiry = '',
    surname = '',
    given = '',
    middle = '',
  ] = fields(text);
  return { type, issuer, number, nationality, dateOfBirth, sex, expiry, surname, given, middle };
}

export function parseDoco(text: string): DocoText {
  const [placeOfBirth = '', type = '', number = '', placeOfIssue = '', issued = '', country = ''] =
    fields(text);
  return { placeOfBirth, type, number, placeOfIssue, issued, country };
}

export function parseDoca(text: string): DocaText {
  const [kind = '', country = '', street = '', city = '', state = '', postalCode = ''] = fields(text);
  return { kind, country, street, city, state, postalCode };
}
