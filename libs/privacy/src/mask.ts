import type { Traveller } from '@paxscreen/contracts';

/** Characters of a document number left visible after masking (the last ones, as on receipts). */
const VISIBLE_DOCUMENT_CHARS = 2;
const MASK = '*';

/** `KOWALSKI` → `K*******`: enough for an officer to tell records apart, not to identify anyone. */
export function maskWord(word: string): string {
  return word.length <= 1 ? word : `${word[0]}${MASK.repeat(word.length - 1)}`;
}

export function maskName(name: string): string {
  return name
    .split(/(\s+|-)/)
    .map((part) => (/^\s+$|^-$/.test(part) ? part : maskWord(part)))
    .join('');
}

export function maskDocumentNumber(number: string): string {
  if (number.length <= VISIBLE_DOCUMENT_CHARS) return MASK.repeat(number.length);
  return MASK.repeat(number.length - VISIBLE_DOCUMENT_CHARS) + number.slice(-VISIBLE_DOCUMENT_CHARS);
}

/**
 * The depersonalised view of a PNR-derived traveller (EU PNR Directive 2016/681, Art. 12(2)): the
 * data elements that could serve to identify the person directly are masked — names, address and
 * contact information, payment information, frequent-flyer information, general remarks and any
 * API data (documents, birth date). Flight, itinerary, booking dates, bag counts and the like stay,
 * so that rules and analysis keep working on masked data.
 */
export function maskTraveller(t: Traveller): Traveller {
  return {
    ...t,
    surname: maskName(t.surname),
    givenNames: maskName(t.givenNames),
    dateOfBirth: t.dateOfBirth?.slice(0, 4),
    placeOfBirth: undefined,
    documents: t.documents.map((d) => ({
      type: d.type,
      number: maskDocumentNumber(d.number),
      issuer: d.issuer,
    })),
    pnr: t.pnr
      ? {
          ...t.pnr,
          contacts: undefined,
          formsOfPayment: t.pnr.formsOfPayment?.map((f) => ({ type: f.type })),
          ticketNumbers: undefined,
          travelAgency: t.pnr.travelAgency,
        }
      : undefined,
  };
}
