import { hasNonAscii, type TravelDocument } from '@paxscreen/contracts';

/**
 * Said in a reason when the document as sent (number or issuer) only matched once look-alike and
 * invisible characters were folded (libs/contracts canonicalDocumentNumber): the officer sees that
 * the carrier's data did not read as the listed number.
 */
export function foldedNote(doc: TravelDocument): string {
  return hasNonAscii(doc.number) || (doc.issuer !== undefined && hasNonAscii(doc.issuer))
    ? '; matched only after folding look-alike or invisible characters in the document as sent'
    : '';
}
