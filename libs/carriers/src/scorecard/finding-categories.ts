/**
 * The data-quality questions an agency asks of a carrier, each answered by finding codes (the
 * parser's, libs/edifact quality) or the field they point at.
 */
export const FINDING_CATEGORIES = [
  'documentExpiry',
  'checkDigits',
  'countries',
  'missingData',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

const BY_CODE: Readonly<Record<string, FindingCategory>> = {
  MISSING_DOCUMENT_EXPIRY: 'documentExpiry',
  DOCUMENT_EXPIRED: 'documentExpiry',
  IMPLAUSIBLE_EXPIRY: 'documentExpiry',
  MRZ_CHECK_DIGIT: 'checkDigits',
  MRZ_MISMATCH: 'checkDigits',
  MRZ_INVALID: 'checkDigits',
  MRZ_UNREADABLE: 'checkDigits',
  UNKNOWN_COUNTRY_CODE: 'countries',
  INVALID_COUNTRY_CODE: 'countries',
  NON_ASCII_COUNTRY_CODE: 'countries',
};

export function findingCategory(code: string, field: string | undefined): FindingCategory {
  const known = BY_CODE[code];
  if (known) return known;
  if (field && /expiry$/i.test(field)) return 'documentExpiry';
  if (code.startsWith('MISSING_')) return 'missingData';
  return 'other';
}

/** `travellers[3].documents[0].expiry` → `travellers[].documents[].expiry`: counted per field, not per position. */
export function fieldPattern(field: string | undefined): string {
  return field ? field.replace(/\[\d+\]/g, '[]') : '';
}

/** Findings that say a travel document is unusable (expiry, MRZ check digits, issuing country). */
export function isDocumentFinding(code: string, field: string | undefined): boolean {
  const category = findingCategory(code, field);
  return (
    category === 'documentExpiry' ||
    category === 'checkDigits' ||
    (field !== undefined && /documents?\b|documents\[/.test(field)) ||
    code.includes('DOCUMENT')
  );
}
