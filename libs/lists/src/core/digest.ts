import { createHash } from 'node:crypto';

import type { ListFile } from './list-format';

/** sha256 of one file's bytes. */
export function digestBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * sha256 of a set of files that form one list: names and lengths framed before each file's bytes, in
 * name order, so the digest does not depend on the order the files were given in and two different
 * splits of the same bytes never collide.
 */
export function digestFiles(files: readonly ListFile[]): string {
  if (files.length === 1) return digestBytes(files[0].bytes);
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`${f.name}\u0000${f.bytes.length}\u0000`);
    hash.update(f.bytes);
  }
  return hash.digest('hex');
}
