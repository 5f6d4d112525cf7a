import { createHash } from 'node:crypto';

import { canonicalCode, canonicalDocumentNumber } from './document-number';

/** What an identity key is made of: the fields a traveller event and a decision subject both carry. */
export interface IdentityFields {
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
  documents: readonly { type?: string; number: string; issuer?: string }[];
}

/** Marks, invisible characters and everything that is not a letter: dropped from compared names. */
const MARKS = /[\p{M}\p{Cf}]/gu;
const NOT_LETTER = /[^\p{L}]+/gu;

/** A name in compared form: NFKD, marks dropped, upper case, tokens of letters in sorted order. */
export function identityName(surname: string, givenNames: string): string {
  return `${surname} ${givenNames}`
    .normalize('NFKD')
    .replace(MARKS, '')
    .toUpperCase()
    .split(NOT_LETTER)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * The primary document: the first passport (type P…) with a number, else the first document with
 * one, in compared form `ISSUER:NUMBER` (document-number.ts); '' when none was reported.
 */
export function primaryDocument(documents: IdentityFields['documents']): string {
  const numbered = documents.filter((d) => canonicalDocumentNumber(d.number ?? '') !== '');
  const doc = numbered.find((d) => (d.type ?? '').toUpperCase().startsWith('P')) ?? numbered[0];
  return doc ? `${canonicalCode(doc.issuer ?? '')}:${canonicalDocumentNumber(doc.number)}` : '';
}

/**
 * A traveller's identity across screenings (every PNR push, API, iAPI, re-vet): the SHA-256 (hex)
 * of the compared name, the birth date as reported and the primary document. A disposition is
 * remembered under it, so another birth date or another document is another identity and revives
 * the hit. WARNING: the dispositions topic is compacted under keys built with this; changing the
 * recipe forgets every remembered disposition (needs a migration plan).
 */
export function identityKey(t: IdentityFields): string {
  const material = [identityName(t.surname, t.givenNames), t.dateOfBirth ?? '', primaryDocument(t.documents)];
  return createHash('sha256').update(material.join('\u001f')).digest('hex');
}
