import type { Gender, ListedDate, ListedDocument } from '@paxscreen/contracts';

import { clean } from '../core/entry-builder';
import { countryCode } from '../countries/country-code';
import { type DateOrder, type DateProblem, parseListedDate } from '../dates/listed-date.parser';

/**
 * Reads the identifying facts OFAC publishes inside the free-text remarks of an SDN / consolidated
 * entry: `DOB 26 Dec 1992; POB Toledo District, Belize; nationality Russia; citizen Russia; Gender
 * Male; Passport 2018278055 (Russia) expires 01 Jan 2030; National ID No. 123 (Iran); a.k.a. 'X'`.
 * Items are separated by `; `, an `alt. ` prefix marks a second value of the same kind. Quoted
 * a.k.a./f.k.a. in the remarks are OFAC's weak aliases (the strong ones are in alt.csv).
 * Everything else (addresses of websites, tax ids, vessel data, "Linked To") is left in the remarks.
 */
export interface OfacRemarks {
  datesOfBirth: ListedDate[];
  placesOfBirth: string[];
  nationalities: string[];
  gender?: Gender;
  documents: ListedDocument[];
  weakAliases: string[];
  /** Items that looked like a fact but could not be read (no content, only the kind of problem). */
  problems: OfacRemarkProblem[];
}

export type OfacRemarkProblem =
  | { code: DateProblem; item: 'DOB' }
  | { code: 'UNKNOWN_COUNTRY'; item: 'nationality' | 'citizen' | 'document issuer' };

const ALT = /^alt\.\s+/i;
const DOB = /^DOB\s+(.+)$/;
const POB = /^POB\s+(.+)$/;
// Lower case as OFAC writes them: "Nationality of Registration" (vessels, companies) is not a nationality.
const NATIONALITY = /^(nationality|citizen)\s+(.+)$/;
const GENDER = /^Gender\s+(Male|Female)$/i;
const WEAK_ALIAS = /^[afn]\.k\.a\.,?\s+'(.+)'$/i;

/** Document kinds: passports (P) and national identity documents (I). Other identifiers are not travel documents. */
const DOCUMENTS: ReadonlyArray<[RegExp, 'P' | 'I', string?]> = [
  [/^Diplomatic Passport\s+(.+)$/i, 'P', 'diplomatic'],
  [/^Passport Booklet:?\s+(.+)$/i, 'P', 'booklet'],
  [/^Passport(?: No\.?)?\s+(.+)$/i, 'P'],
  [/^National ID No\.\s+(.+)$/i, 'I'],
  [/^(?:National )?Identity (?:Card|Number|No\.)\s+(.+)$/i, 'I'],
  [/^Cedula No\.\s+(.+)$/i, 'I'],
  [/^D\.N\.I\.\s+(.+)$/i, 'I'],
  [/^(?:Kenyan|Personal) ID No\.\s+(.+)$/i, 'I'],
  [/^Turkish Identification Number\s+(.+)$/i, 'I'],
];

const NUMBER_END = /\s+(?=\(|issued\b|expires\b|issue date\b)/i;
const PAREN = /\(([^()]+)\)/g;

export function parseOfacRemarks(remarks: string, dateOrder?: DateOrder): OfacRemarks {
  const out: OfacRemarks = {
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    documents: [],
    weakAliases: [],
    problems: [],
  };
  for (const raw of remarks.split(';')) {
    const item = clean(raw).replace(ALT, '').replace(/\.$/, '');
    if (!item) continue;
    let m: RegExpExecArray | null;
    if ((m = DOB.exec(item))) {
      const read = parseListedDate(m[1], dateOrder);
      if (read.date) out.datesOfBirth.push(read.date);
      if (read.problem) out.problems.push({ code: read.problem, item: 'DOB' });
    } else if ((m = POB.exec(item))) {
      out.placesOfBirth.push(m[1]);
    } else if ((m = NATIONALITY.exec(item))) {
      const code = countryCode(m[2]);
      if (code) {
        if (!out.nationalities.includes(code)) out.nationalities.push(code);
      } else {
        out.problems.push({ code: 'UNKNOWN_COUNTRY', item: m[1].toLowerCase() as 'nationality' | 'citizen' });
      }
    } else if ((m = GENDER.exec(item))) {
      out.gender = m[1].toLowerCase() === 'male' ? 'M' : 'F';
    } else if ((m = WEAK_ALIAS.exec(clean(raw).replace(ALT, '').replace(/'\.$/, "'")))) {
      out.weakAliases.push(m[1]);
    } else {
      const doc = readDocument(item, out);
      if (doc) out.documents.push(doc);
    }
  }
  return out;
}

function readDocument(item: string, out: OfacRemarks): ListedDocument | undefined {
  for (const [pattern, type, kindNote] of DOCUMENTS) {
    const m = pattern.exec(item);
    if (!m) continue;
    const body = m[1];
    const cut = body.search(NUMBER_END);
    const number = clean(cut === -1 ? body : body.slice(0, cut));
    // A document number always holds a digit; "Passport issued in Amman" is not a number.
    if (!/\d/.test(number)) return undefined;
    const tail = cut === -1 ? '' : body.slice(cut);
    let issuer: string | undefined;
    let unknown = false;
    for (const paren of tail.matchAll(PAREN)) {
      // "(Cabo Verde.  Previously Cape Verde.)": the first sentence names the issuer.
      issuer = countryCode(paren[1]) ?? countryCode(paren[1].split(/\.\s/)[0]);
      if (issuer) break;
      unknown = true;
    }
    if (!issuer && unknown) out.problems.push({ code: 'UNKNOWN_COUNTRY', item: 'document issuer' });
    const dates = clean(tail.replace(PAREN, ''));
    const note = [kindNote, dates].filter(Boolean).join('; ');
    const doc: ListedDocument = { type, number };
    if (issuer) doc.issuer = issuer;
    if (note) doc.note = note;
    return doc;
  }
  return undefined;
}
