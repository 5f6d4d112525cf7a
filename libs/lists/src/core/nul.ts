import { jsonWithoutNul, nulPaths } from '@paxscreen/contracts';

import type { FindingSink } from './findings';

/**
 * List data holding a NUL (U+0000: a raw byte in a CSV or TXT file, `\u0000` in JSON). It is
 * a slip of the publisher's export, not part of a name, and PostgreSQL keeps none. The entry is kept
 * (one bad character must not take a listed person off the list), the NUL filed as U+FFFD as a
 * carrier's is (`jsonWithoutNul`), and a warning finding names the entry and the field (the path in
 * the read entry, e.g. `names.0.full`), never the text.
 */
export function fileNulAsReplacement<T extends { entryId: string }>(
  entries: T[],
  findings: FindingSink,
): T[] {
  return entries.map((entry) => {
    const paths = nulPaths(entry);
    if (paths.length === 0) return entry;
    const filed = JSON.parse(jsonWithoutNul(JSON.stringify(entry))) as T;
    for (const path of paths)
      findings.warn('NUL_REPLACED', `entry ${filed.entryId}: a NUL character was filed as U+FFFD`, {
        field: path,
      });
    return filed;
  });
}
