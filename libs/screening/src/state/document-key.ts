/** Document numbers are compared without spaces, dashes, filler `<` and case. */
export function normaliseDocumentNumber(number: string): string {
  return number.replace(/[\s\-<./]/g, '').toUpperCase();
}

/** `ISSUER:NUMBER`, the exact-match key of lost/stolen documents and enrolments. */
export function documentKey(issuer: string | undefined, number: string): string {
  return `${(issuer ?? '').toUpperCase()}:${normaliseDocumentNumber(number)}`;
}
