import { createHash } from 'node:crypto';

/** Hex characters kept from the sha256: 64 bits, collision-free for any realistic list size. */
const CONTENT_ID_HEX = 16;

/**
 * A stable entry id for lists whose publisher gives none (GTAS CSV, BIS DPL, some CSL rows): the
 * hash of the identifying fields, so the same row keeps its id across reloads whatever its position.
 * Equal rows get equal ids and are reported as duplicates.
 */
export function contentId(prefix: string, fields: ReadonlyArray<string | undefined>): string {
  const hash = createHash('sha256')
    .update(fields.map((f) => (f ?? '').trim().toUpperCase()).join('\u0000'))
    .digest('hex');
  return `${prefix}${hash.slice(0, CONTENT_ID_HEX)}`;
}
