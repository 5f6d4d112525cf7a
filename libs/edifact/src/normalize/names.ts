/**
 * Names as sent, decoded: upper case (locale-independent), single spaces, trimmed. Diacritics and
 * scripts are kept; transliteration belongs to libs/matching, which needs the original.
 */
export function normalizeName(raw: string | undefined): string {
  if (!raw) return '';
  if (isTidy(raw)) return raw.toUpperCase();
  let out = '';
  let space = false;
  for (const ch of raw.trim()) {
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += ch;
  }
  return out.toUpperCase();
}

/** Joins given-name parts (PAXLST C080 3036 repeats, DOCS given + middle) with single spaces. */
export function joinNames(parts: ReadonlyArray<string | undefined>): string {
  // One part (the usual case) is normalised as is: no intermediate array or joined copy.
  let only: string | undefined;
  let many = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p || !p.trim()) continue;
    if (only === undefined) only = p;
    else many = true;
  }
  if (only === undefined) return '';
  if (!many) return normalizeName(only);
  return normalizeName(parts.filter((p) => p && p.trim()).join(' '));
}

/**
 * PNR name elements carry the title after the given name (IATA: `JOHNMR`, `ISABELLE MRS`). A title
 * separated by a space is always dropped; a glued one only for MR, MRS, MISS and MSTR, since MS and
 * DR end real names (WILLIAMS, ALEXANDR). The name must keep at least two letters.
 */
const SPACED_TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'MSTR', 'DR', 'PROF', 'REV', 'CHD', 'INF']);
const GLUED_TITLES = ['MSTR', 'MISS', 'MRS', 'MR'];
const MIN_NAME_LETTERS = 2;

export function stripPnrTitle(given: string): string {
  const words = given.split(' ');
  while (words.length > 1 && SPACED_TITLES.has(words[words.length - 1])) words.pop();
  const last = words[words.length - 1];
  for (const title of GLUED_TITLES) {
    if (last.endsWith(title) && last.length - title.length >= MIN_NAME_LETTERS) {
      words[words.length - 1] = last.slice(0, -title.length);
      break;
    }
  }
  return words.join(' ');
}

/** Compares names ignoring spaces (line-wrap artefacts such as `BEL T` for `BELT`). */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, '');
}

const SPACE = 32;
const TAB = 9;
const NBSP = 0xa0;

/** Fast path: no blank at either end, no tab or no-break space, no double space. */
function isTidy(raw: string): boolean {
  const last = raw.length - 1;
  if (raw.charCodeAt(0) === SPACE || raw.charCodeAt(last) === SPACE) return false;
  for (let i = 0; i <= last; i++) {
    const c = raw.charCodeAt(i);
    if (c === TAB || c === NBSP || (c === SPACE && raw.charCodeAt(i + 1) === SPACE)) return false;
  }
  return true;
}
