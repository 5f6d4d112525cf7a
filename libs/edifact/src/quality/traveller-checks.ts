import { type Finding, hasNonAscii, type Traveller } from '@paxscreen/contracts';

import { yearsBetween } from '../normalize/dates';
import { finding } from './finding';

/** Oldest plausible traveller; older dates of birth are typing errors more often than not. */
const MAX_AGE_YEARS = 120;
/** ICAO passports last at most 10 years; some identity cards 15–20. Beyond that the date is suspect. */
const MAX_DOCUMENT_VALIDITY_YEARS = 20;
/**
 * Document types that always carry an expiry date: passports (P, PT, PD, …) and identity cards (I,
 * IP, IN, …), whose ICAO 9303 zones (TD3 passports, TD1/TD2 cards) hold one. Visas, crew
 * certificates and other documents may lack one, so their missing expiry is not reported.
 */
const EXPIRY_REQUIRED = /^[PI]/;

export interface CheckContext {
  /** Index of the traveller in the message. */
  index: number;
  /** Segment where the traveller's group starts (EDIFACT). */
  segment?: number;
  /** JSON path of the traveller (JSON manifests). */
  path?: string;
  /** Day of reference (YYYY-MM-DD): the flight's departure date, else today. */
  refDate: string;
  /**
   * API data (PAXLST, JSON) must carry date of birth, gender, nationality and a document; PNR data
   * holds what the booking holds, so their absence is not reported there.
   */
  strict: boolean;
}

/** Field-level checks every reader runs on the travellers it built; findings go to `t.findings`. */
export function checkTraveller(t: Traveller, ctx: CheckContext): void {
  // The readers' own findings, indexed only when there are some (most travellers have none).
  const earlier = t.findings.length > 0 ? findingIndex(t.findings) : undefined;

  if (!t.surname) add(t, ctx, 'MISSING_SURNAME', 'traveller has no surname', 'surname');
  else if (hasInvalidNameCharacter(t.surname)) invalidCharacter(t, ctx, 'surname');
  if (t.givenNames && hasInvalidNameCharacter(t.givenNames)) invalidCharacter(t, ctx, 'givenNames');
  if (t.dateOfBirth) {
    if (t.dateOfBirth.slice(0, 10) > ctx.refDate) {
      add(t, ctx, 'IMPOSSIBLE_DATE_OF_BIRTH', 'date of birth is after the flight date', 'dateOfBirth');
    } else if (yearsBetween(t.dateOfBirth, ctx.refDate) > MAX_AGE_YEARS) {
      add(t, ctx, 'IMPLAUSIBLE_AGE', `traveller would be older than ${MAX_AGE_YEARS} years`, 'dateOfBirth');
    }
  } else if (ctx.strict && !has(earlier, 'INVALID_DATE', 'dateOfBirth')) {
    add(t, ctx, 'MISSING_DATE_OF_BIRTH', 'traveller has no date of birth', 'dateOfBirth');
  }
  if (ctx.strict && t.gender === 'U' && !has(earlier, 'INVALID_GENDER')) {
    add(t, ctx, 'MISSING_GENDER', 'traveller has no gender', 'gender');
  }
  if (ctx.strict && !t.nationality && !has(earlier, 'INVALID_COUNTRY_CODE', 'nationality')) {
    add(t, ctx, 'MISSING_NATIONALITY', 'traveller has no nationality', 'nationality');
  }
  if (ctx.strict && t.documents.length === 0)
    add(t, ctx, 'MISSING_DOCUMENT', 'traveller has no travel document', 'documents');
  const documents = t.documents;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i];
    if (!doc.number)
      add(t, ctx, 'MISSING_DOCUMENT_NUMBER', 'document has no number', `documents[${i}].number`);
    else if (hasNonAscii(doc.number))
      add(
        t,
        ctx,
        'NON_ASCII_DOCUMENT_NUMBER',
        'document number holds characters other than ASCII letters and digits (look-alike or invisible characters); compared as their ASCII look-alikes',
        `documents[${i}].number`,
      );
    if (!doc.type) add(t, ctx, 'MISSING_DOCUMENT_TYPE', 'document has no type', `documents[${i}].type`);
    if (ctx.strict && !doc.issuer && !has(earlier, 'INVALID_COUNTRY_CODE', `documents[${i}].issuer`)) {
      add(t, ctx, 'MISSING_DOCUMENT_ISSUER', 'document has no issuing state', `documents[${i}].issuer`);
    }
    if (!doc.expiry) {
      if (
        ctx.strict &&
        EXPIRY_REQUIRED.test(doc.type) &&
        !has(earlier, 'INVALID_DATE', `documents[${i}].expiry`) &&
        !has(earlier, 'INVALID_DATE', 'expiry')
      ) {
        add(
          t,
          ctx,
          'MISSING_DOCUMENT_EXPIRY',
          'passport or identity card has no expiry date',
          `documents[${i}].expiry`,
        );
      }
    } else {
      if (doc.expiry < ctx.refDate.slice(0, doc.expiry.length)) {
        add(t, ctx, 'DOCUMENT_EXPIRED', 'document expired before the flight date', `documents[${i}].expiry`);
      } else if (yearsBetween(ctx.refDate, doc.expiry) > MAX_DOCUMENT_VALIDITY_YEARS) {
        add(
          t,
          ctx,
          'IMPLAUSIBLE_EXPIRY',
          `document expires more than ${MAX_DOCUMENT_VALIDITY_YEARS} years after the flight`,
          `documents[${i}].expiry`,
        );
      }
    }
  }
}

/**
 * Control characters (NUL, ESC, CR, C1 controls) and U+FFFD, what undecodable bytes (invalid UTF-8)
 * become: never part of a name, and able to hide one from an officer's screen or a log reader.
 */
function hasInvalidNameCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) return true;
  }
  return false;
}

function invalidCharacter(t: Traveller, ctx: CheckContext, field: 'surname' | 'givenNames'): void {
  add(
    t,
    ctx,
    'INVALID_CHARACTER',
    `${field} holds control characters or bytes that are not valid in the declared character set`,
    field,
  );
}

function has(earlier: Set<string> | undefined, code: string, fieldSuffix?: string): boolean {
  return earlier !== undefined && earlier.has(fieldSuffix === undefined ? code : `${code} ${fieldSuffix}`);
}

function add(
  t: Traveller,
  ctx: CheckContext,
  code: Parameters<typeof finding>[0],
  message: string,
  field: string,
): void {
  t.findings.push(
    finding(code, message, {
      segment: ctx.segment,
      field: ctx.path ? `${ctx.path}.${field}` : field,
      traveller: ctx.index,
    }),
  );
}

/**
 * The readers' own findings by code and by code + field (its last part, `documents[i].issuer` for a
 * document's), built once: looking each document up in the list made a traveller with tens of
 * thousands of DOC segments cost seconds (found by `npm run fuzz`).
 */
function findingIndex(findings: Finding[]): Set<string> {
  const index = new Set<string>();
  for (const f of findings) {
    index.add(f.code);
    const suffix = FIELD_SUFFIX.exec(f.field ?? '')?.[0];
    if (suffix) index.add(`${f.code} ${suffix}`);
  }
  return index;
}

const FIELD_SUFFIX = /(?:documents\[\d+\]\.)?\w+$/;
