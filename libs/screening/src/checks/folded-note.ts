import { hasNonAscii, type TravelDocument, type Traveller } from '@paxscreen/contracts';

/**
 * Said in a reason when the document as sent only matched once look-alike and invisible
 * characters were folded (libs/contracts canonicalDocumentNumber / canonicalCode): the number as
 * it travels, or the issuer, which the reader already folded and reported (NON_ASCII_COUNTRY_CODE).
 * The officer sees that the carrier's data did not read as the listed document.
 */
export function foldedNote(doc: TravelDocument, traveller: Traveller): string {
  const folded =
    hasNonAscii(doc.number) ||
    (doc.issuer !== undefined && hasNonAscii(doc.issuer)) ||
    traveller.findings.some((f) => f.code === 'NON_ASCII_COUNTRY_CODE' && /issuer$/.test(f.field ?? ''));
  return folded
    ? '; matched only after folding look-alike or invisible characters in the document as sent'
    : '';
}
