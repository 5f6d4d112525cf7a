import { BoundedMap, type Finding } from '@paxscreen/contracts';

import { finding } from '../quality/finding';
import type { Delimiters } from './delimiters';
import { Segment } from './segment';

/**
 * Splits EDIFACT text into segments with one pass of plain character scanning (no regex, one class
 * lookup per character, one slice per component in the common case). Tolerances, each reported:
 * - blanks and line breaks between segments are skipped; line breaks inside a segment are dropped
 *   (Type B and 80-column transmissions wrap segments: `770\r\n5632891` is `7705632891`);
 * - when the terminator is `'`, a U+2019 right quote followed by a segment tag also ends a segment
 *   (specifications copied through word processors);
 * - a missing final terminator; UNZ ends at a line break (text pasted after the interchange);
 * - a release character at the very end is dropped.
 * The repetition separator is not split on: PAXLST and PNRGOV do not use repeating elements, and
 * senders put `*` in identifiers (`APIS*ABE`).
 */
const PLAIN = 0;
const COMPONENT = 1;
const ELEMENT = 2;
const TERMINATOR = 3;
const RELEASE = 4;
const LINE_BREAK = 5;
const SMART_QUOTE = 6;

const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const RIGHT_SINGLE_QUOTE = 0x2019;
const CLASS_TABLE_SIZE = 0x10000;
const TAG_LENGTH = 3;

/**
 * Class tables by delimiter set (64 KiB each). Bounded: UNA lets a sender pick any delimiters, and
 * an unbounded cache let a stream of odd UNA headers grow the parser's memory without limit (found
 * by `npm run fuzz`). The usual sets stay cached; an unusual one is rebuilt (about 20 µs).
 */
const MAX_TABLES = 8;
const tables = new BoundedMap<string, Uint8Array>(MAX_TABLES);

/** How many class tables are cached (for tests of the bound). */
export function cachedClassTables(): number {
  return tables.size;
}

function classTable(d: Delimiters): Uint8Array {
  const key = `${d.component}${d.element}${d.terminator}${d.release}`;
  let table = tables.get(key);
  if (table) return table;
  table = new Uint8Array(CLASS_TABLE_SIZE);
  table[CR] = LINE_BREAK;
  table[LF] = LINE_BREAK;
  if (d.terminator === "'") table[RIGHT_SINGLE_QUOTE] = SMART_QUOTE;
  table[d.component.charCodeAt(0)] = COMPONENT;
  table[d.element.charCodeAt(0)] = ELEMENT;
  table[d.terminator.charCodeAt(0)] = TERMINATOR;
  if (d.release) table[d.release.charCodeAt(0)] = RELEASE;
  tables.set(key, table);
  return table;
}

export interface Tokenized {
  segments: Segment[];
  findings: Finding[];
}

function isTagChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function isSegmentTag(tag: string): boolean {
  return (
    tag.length === TAG_LENGTH &&
    isTagChar(tag.charCodeAt(0)) &&
    isTagChar(tag.charCodeAt(1)) &&
    isTagChar(tag.charCodeAt(2))
  );
}

/** Whether, after blanks, a segment tag followed by a separator (or the end) starts at i. */
function segmentStartsAt(text: string, i: number, table: Uint8Array): boolean {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== CR && c !== LF && c !== TAB) break;
    i++;
  }
  if (i + TAG_LENGTH > text.length) return i >= text.length;
  if (
    !isTagChar(text.charCodeAt(i)) ||
    !isTagChar(text.charCodeAt(i + 1)) ||
    !isTagChar(text.charCodeAt(i + 2))
  ) {
    return false;
  }
  if (i + TAG_LENGTH === text.length) return true;
  const k = table[text.charCodeAt(i + TAG_LENGTH)];
  return k === ELEMENT || k === TERMINATOR || k === SMART_QUOTE;
}

/**
 * Short values (tags, qualifiers, codes, ports, seats: two or three characters) repeat all through
 * a manifest. Each would be a fresh string from `slice` (some 20 per traveller), garbage or kept in
 * the output many times over; instead they are taken from a small per-call cache (direct-mapped by
 * the characters, a collision just replaces the entry). Same strings, fewer of them.
 */
const SHORT_CACHE_SLOTS = 4096;
const SHORT_CACHE_MASK = SHORT_CACHE_SLOTS - 1;
const MAX_SHORT = 3;
const HASH_MULTIPLIER = 31;
const CODE_RANGE = 0x10000;

/**
 * Tags and qualifiers the readers compare against: for these the cache hands out the readers' own
 * (source literal, hence internalised) strings, so that their `switch`es and `===` tests compare
 * pointers instead of characters.
 */
const KNOWN_VALUES = [
  ...['UNB', 'UNG', 'UNH', 'UNT', 'UNE', 'UNZ', 'UNS', 'BGM', 'RFF', 'NAD', 'COM', 'TDT', 'LOC', 'DTM'],
  ...['ATT', 'NAT', 'DOC', 'MEA', 'FTX', 'PDT', 'CNT', 'GEI', 'EMP', 'QTY', 'CTA', 'MSG', 'ORG', 'TVL'],
  ...['EQN', 'SRC', 'RCI', 'SSR', 'IFT', 'TIF', 'DAT', 'ADD', 'ABI', 'APD', 'TRI', 'SSD', 'TKT', 'FOP'],
  ...['TBD', 'LTS', 'TXD', 'PTK', 'EBD', 'MON', 'SAC', 'RPI', 'PRE', 'PCD'],
  ...['FL', 'FM', 'DDT', 'DDU', 'COT', 'MS', 'TN', 'AVF', 'ABO', 'SEA', 'CT', 'BAG', 'TE', 'FX', 'EM'],
  ...['125', '87', '92', '189', '232', '329', '36', '182', '91', '174', '178', '179', '180', '102'],
  ...['101', '201', '203', '204', '110', '111', '250', '336', '745', '42', '41', '005', '008'],
  ...['136', '132', '701', '702', '20', 'PAX', 'CRW', 'ITI', 'VI', 'IP', 'AC', 'ID', 'PT'],
];
const KNOWN_SLOTS = 1024;
const KNOWN_MASK = KNOWN_SLOTS - 1;
const known: (string | undefined)[] = new Array<string | undefined>(KNOWN_SLOTS).fill(undefined);
/** `shortKey` of each `known` entry (-1: empty): compared instead of the strings' characters. */
const knownKeys = new Float64Array(KNOWN_SLOTS).fill(-1);
for (const v of KNOWN_VALUES) {
  const c2 = v.length === MAX_SHORT ? v.charCodeAt(2) : -1;
  const slot = shortSlot(v.charCodeAt(0), v.charCodeAt(1), c2, v.length) & KNOWN_MASK;
  if (known[slot] !== undefined) continue;
  known[slot] = v;
  knownKeys[slot] = shortKey(v.charCodeAt(0), v.charCodeAt(1), c2, v.length);
}

function shortSlot(c0: number, c1: number, c2: number, length: number): number {
  return (c0 * HASH_MULTIPLIER + c1) * HASH_MULTIPLIER + c2 + length;
}

/** A number naming a two- or three-character value exactly (codes below 2^16, c2 -1 for none). */
function shortKey(c0: number, c1: number, c2: number, length: number): number {
  return ((length * CODE_RANGE + c0) * CODE_RANGE + c1) * (CODE_RANGE + 1) + (c2 + 1);
}

/** The per-call cache of short values, with the key of each entry. */
interface ShortCache {
  values: (string | undefined)[];
  keys: Float64Array;
}

function shortCache(): ShortCache {
  const values: (string | undefined)[] = [];
  for (let i = 0; i < SHORT_CACHE_SLOTS; i++) values.push(undefined);
  return { values, keys: new Float64Array(SHORT_CACHE_SLOTS).fill(-1) };
}

/**
 * The value of `text` [from, to), two or three characters long; `codes` (when given) holds the
 * same character codes as `text` (see `tokenizeEach`).
 */
function shortValue(
  text: string,
  codes: Uint8Array | undefined,
  from: number,
  to: number,
  cache: ShortCache,
): string {
  const length = to - from;
  const c0 = codes !== undefined ? codes[from] : text.charCodeAt(from);
  const c1 = codes !== undefined ? codes[from + 1] : text.charCodeAt(from + 1);
  const c2 = length !== MAX_SHORT ? -1 : codes !== undefined ? codes[from + 2] : text.charCodeAt(from + 2);
  const slot = shortSlot(c0, c1, c2, length);
  const key = shortKey(c0, c1, c2, length);
  if (knownKeys[slot & KNOWN_MASK] === key) return known[slot & KNOWN_MASK]!;
  const at = slot & SHORT_CACHE_MASK;
  if (cache.keys[at] === key) return cache.values[at]!;
  const value = text.slice(from, to);
  cache.values[at] = value;
  cache.keys[at] = key;
  return value;
}

/** All segments at once (tests, small inputs). Readers stream with `tokenizeEach`. */
export function tokenize(text: string, start: number, delimiters: Delimiters): Tokenized {
  const segments: Segment[] = [];
  const findings = tokenizeEach(text, start, delimiters, (seg) => segments.push(seg.clone()));
  return { segments, findings };
}

/**
 * Hands each segment to `onSegment` as soon as it is read, so that nothing but the reader's own
 * state outlives a segment: retaining every segment of a large manifest until the end made the
 * garbage collector copy and promote them, which cost more than the scanning itself.
 */
export function tokenizeEach(
  text: string,
  start: number,
  delimiters: Delimiters,
  onSegment: (segment: Segment) => void,
  codes?: Uint8Array,
): Finding[] {
  // `codes`: the bytes `text` was decoded from when each byte is one character (ASCII, Latin-1),
  // read instead of `charCodeAt`. Once any module subclasses String (ioredis does), V8 makes every
  // `charCodeAt` about eight times slower; reading a Uint8Array is not affected.
  if (codes !== undefined && codes.length !== text.length) codes = undefined;
  const table = classTable(delimiters);
  const n = text.length;
  const findings: Finding[] = [];
  let count = 0;
  // One segment object and two arrays for the whole pass: consumers read a segment when it is
  // handed to them and call `clone()` to keep one (see Segment).
  const values: string[] = [];
  const starts: number[] = [];
  const current = new Segment('', values, starts, 0);
  const cache = shortCache();
  let smartQuotes = 0;
  let wrapped = 0;
  let i = start;

  while (i < n) {
    let c = codes !== undefined ? codes[i] : text.charCodeAt(i);
    while ((c === SPACE || c === CR || c === LF || c === TAB) && table[c] !== TERMINATOR) {
      if (++i >= n) break;
      c = codes !== undefined ? codes[i] : text.charCodeAt(i);
    }
    if (i >= n) break;

    const position = count + 1;
    let tag: string | undefined;
    let nv = 0;
    let ne = 0;
    let elementOpen = false;
    let pending = '';
    let from = i;
    let terminated = false;
    let hadBreak = false;

    for (; i < n; i++) {
      const k = table[codes !== undefined ? codes[i] : text.charCodeAt(i)];
      if (k === PLAIN) continue;
      if (k === RELEASE) {
        pending += text.slice(from, i);
        if (i + 1 < n) {
          pending += text[i + 1];
          i++;
        } else {
          findings.push(
            finding('DANGLING_RELEASE_CHARACTER', 'release character at the end of the input', {
              segment: position,
            }),
          );
        }
        from = i + 1;
        continue;
      }
      if (k === LINE_BREAK) {
        pending += text.slice(from, i);
        from = i + 1;
        hadBreak = true;
        // UNZ closes the interchange: what follows a line break is no longer part of it.
        if (tag === 'UNZ') {
          if (!elementOpen) starts[ne++] = nv;
          values[nv++] = pending;
          pending = '';
          i++;
          terminated = true;
          findings.push(
            finding('MISSING_FINAL_TERMINATOR', 'UNZ is not terminated', { segment: position, field: 'UNZ' }),
          );
          break;
        }
        continue;
      }
      if (k === SMART_QUOTE) {
        if (!segmentStartsAt(text, i + 1, table)) continue;
        smartQuotes++;
      }
      const value =
        pending === ''
          ? i - from >= 2 && i - from <= MAX_SHORT
            ? shortValue(text, codes, from, i, cache)
            : text.slice(from, i)
          : pending + text.slice(from, i);
      pending = '';
      from = i + 1;
      if (tag === undefined) {
        if (k === COMPONENT) {
          // A component separator inside the tag position: keep it as data of a malformed tag.
          pending = `${value}${delimiters.component}`;
          continue;
        }
        tag = value;
      } else {
        if (!elementOpen) {
          starts[ne++] = nv;
          elementOpen = true;
        }
        values[nv++] = value;
        if (k === COMPONENT) continue;
        elementOpen = false;
      }
      if (k === ELEMENT) continue;
      i++;
      terminated = true;
      break;
    }

    if (!terminated) {
      const value = pending + text.slice(from, n);
      if (tag === undefined) tag = value;
      else {
        if (!elementOpen) starts[ne++] = nv;
        values[nv++] = value;
      }
      i = n;
      if (tag.trim() === '' && nv === 0) break;
      findings.push(
        finding('MISSING_FINAL_TERMINATOR', 'the last segment has no terminator', { segment: position }),
      );
    }
    if (hadBreak) wrapped++;
    const raw = tag ?? '';
    const trimmed = raw.length === TAG_LENGTH ? raw : raw.trim();
    count++;
    onSegment(current.reset(trimmed, position, nv, ne));
  }

  if (smartQuotes > 0) {
    findings.push(
      finding(
        'SMART_QUOTE_TERMINATOR',
        `${smartQuotes} segment(s) end with a typographic quote instead of '`,
        {},
      ),
    );
  }
  if (wrapped > 0) {
    findings.push(
      finding('LINE_BREAK_IN_SEGMENT', `${wrapped} segment(s) contain line breaks; they were removed`, {}),
    );
  }
  return findings;
}
