import type { Finding } from '@paxscreen/contracts';

import { finding } from '../quality/finding';

/** The six service characters of ISO 9735 (UNA). `release` is '' when the sender uses none. */
export interface Delimiters {
  component: string;
  element: string;
  decimal: string;
  release: string;
  repetition: string;
  terminator: string;
}

/** ISO 9735 defaults, used when UNA is absent (syntax level A: `:+.? '`). */
export const DEFAULT_DELIMITERS: Readonly<Delimiters> = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  terminator: "'",
};

const UNA_LENGTH = 6;
/** How far after `UNA` a damaged service string may reach before the first header tag. */
const UNA_SEARCH_WINDOW = 16;
const RELEASE_CANDIDATES = ['?', '\\'];

export interface ServiceString {
  delimiters: Delimiters;
  /** Index in the text where the first segment (normally UNB) starts. */
  bodyStart: number;
  findings: Finding[];
  /**
   * No UNA, and the UNB structure does not show the separators (no header after UNB with the
   * separator UNB uses, no default terminator anywhere): nothing can be read reliably.
   */
  unknown?: boolean;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\r' || ch === '\n' || ch === '\t';
}

function isAlnum(ch: string): boolean {
  return /^[A-Za-z0-9]$/.test(ch);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (isSpace(text[i]) || text[i] === '\uFEFF')) i++;
  return i;
}

/** Whether a header tag (UNB, UNG, UNH) starts at i. */
function headerAt(text: string, i: number): boolean {
  return text.startsWith('UNB', i) || text.startsWith('UNG', i) || text.startsWith('UNH', i);
}

function fromString(svc: string): Delimiters {
  return {
    component: svc[0],
    element: svc[1],
    decimal: svc[2],
    release: svc[3] === ' ' ? '' : svc[3],
    repetition: svc[4],
    terminator: svc[5],
  };
}

/** The separators must be distinct, not letters or digits, and not blanks (a `\n` terminator is allowed). */
export function delimitersUsable(d: Delimiters): boolean {
  const active = [d.component, d.element, d.terminator, ...(d.release ? [d.release] : [])];
  if (new Set(active).size !== active.length) return false;
  return active.every((ch) => ch.length === 1 && !isAlnum(ch) && (ch === '\n' || !isSpace(ch)));
}

/**
 * Reads the UNA service string advice (ISO 9735 §4 / part 1 clause 7). A damaged UNA (too short, as in
 * some hand-edited files, or naming a terminator the segments do not use) is repaired from what the
 * segments show, with a finding; it never stops the read.
 */
export function readServiceString(text: string): ServiceString {
  const findings: Finding[] = [];
  let unknown = false;
  const start = skipSpace(text, 0);
  let delimiters: Delimiters = { ...DEFAULT_DELIMITERS };
  let bodyStart = start;

  if (text.startsWith('UNA', start)) {
    const svc = text.slice(start + 3, start + 3 + UNA_LENGTH);
    const after = skipSpace(text, start + 3 + UNA_LENGTH);
    const declared = svc.length === UNA_LENGTH ? fromString(svc) : undefined;
    // `UNA:+\*'` + line break is a five-character UNA, not `'` as repetition and a line-break terminator.
    const shifted = declared !== undefined && isSpace(declared.terminator) && declared.repetition === "'";
    if (
      declared &&
      !shifted &&
      delimitersUsable(declared) &&
      (after >= text.length || headerAt(text, after))
    ) {
      delimiters = declared;
      bodyStart = after;
    } else {
      let header = start + 3;
      const limit = Math.min(text.length, start + 3 + UNA_SEARCH_WINDOW);
      while (header < limit && !headerAt(text, header)) header++;
      if (header >= limit) header = Math.min(text.length, start + 3 + UNA_LENGTH);
      let raw = text.slice(start + 3, header);
      while (raw.length > 0 && (raw.endsWith('\n') || raw.endsWith('\r') || raw.endsWith('\t')))
        raw = raw.slice(0, -1);
      delimiters = repairUna(raw);
      bodyStart = skipSpace(text, header);
      findings.push(
        finding(
          'MALFORMED_UNA',
          `UNA service string has ${raw.length} characters instead of ${UNA_LENGTH}; repaired`,
          {
            field: 'UNA',
          },
        ),
      );
    }
  } else if (text.startsWith('UNB', start) && text[start + 3] !== undefined && !defaultsFit(text, start)) {
    const guessed = guessWithoutUna(text, start);
    if (!guessed && text.indexOf(DEFAULT_DELIMITERS.terminator, start) < 0) unknown = true;
    if (guessed) {
      delimiters = guessed;
      findings.push(
        finding(
          'NONSTANDARD_DELIMITERS',
          'no UNA but the segments use non-default separators; read as used',
          {
            field: 'UNB',
          },
        ),
      );
    }
  }

  // A UNA naming a terminator the segments never use (a curly quote pasted from a word processor).
  if (
    delimiters.terminator !== "'" &&
    text.indexOf(delimiters.terminator, bodyStart) < 0 &&
    text.indexOf("'", bodyStart) >= 0
  ) {
    const fallback = { ...delimiters, terminator: "'" };
    if (delimitersUsable(fallback)) {
      delimiters = fallback;
      findings.push(
        finding(
          'UNA_TERMINATOR_NOT_USED',
          "the terminator named in UNA never occurs; segments end with ' instead",
          {
            field: 'UNA',
          },
        ),
      );
    }
  }
  return unknown ? { delimiters, bodyStart, findings, unknown } : { delimiters, bodyStart, findings };
}

/** No UNA: whether UNB reads with the defaults (`+` after the tag, `'` before the next header). */
function defaultsFit(text: string, start: number): boolean {
  if (text[start + 3] !== DEFAULT_DELIMITERS.element) return false;
  const terminator = text.indexOf(DEFAULT_DELIMITERS.terminator, start);
  if (terminator < 0) return false;
  const next = nextHeader(text, start, DEFAULT_DELIMITERS.element);
  return next === undefined || terminator < next;
}

function nextHeader(text: string, start: number, element: string): number | undefined {
  const next = Math.min(
    ...['UNG', 'UNH'].map((tag) => text.indexOf(`${tag}${element}`, start + 3)).filter((i) => i > 0),
  );
  return Number.isFinite(next) ? next : undefined;
}

function repairUna(raw: string): Delimiters {
  if (raw.length >= UNA_LENGTH) {
    const whole = fromString(raw.slice(0, UNA_LENGTH));
    return delimitersUsable(whole) ? whole : { ...DEFAULT_DELIMITERS };
  }
  const d: Delimiters = { ...DEFAULT_DELIMITERS };
  if (raw[0]) d.component = raw[0];
  if (raw[1]) d.element = raw[1];
  if (raw.length >= 3) d.terminator = raw[raw.length - 1];
  const middle = raw.slice(2, raw.length - 1);
  const release = [...middle].find((ch) => RELEASE_CANDIDATES.includes(ch));
  if (release) {
    d.release = release;
    const rest = [...middle].filter((ch) => ch !== release);
    if (rest.length > 0 && middle.indexOf(release) > 0) d.decimal = rest[0];
    else if (rest.length > 0) d.repetition = rest[rest.length - 1];
  }
  return delimitersUsable(d) ? d : { ...DEFAULT_DELIMITERS };
}

/**
 * No UNA but `UNB*UNOA:4*...` or `UNB+IATA:1+...~`: the element separator follows the tag, the
 * component separator follows the four-letter syntax identifier, and the terminator is the last
 * character before the next header (UNG or UNH) once blanks are skipped.
 */
function guessWithoutUna(text: string, start: number): Delimiters | undefined {
  const element = text[start + 3];
  if (isAlnum(element) || isSpace(element)) return undefined;
  let component = DEFAULT_DELIMITERS.component;
  const syntaxEnd = start + 8;
  if (text[syntaxEnd] && !isAlnum(text[syntaxEnd]) && text[syntaxEnd] !== element)
    component = text[syntaxEnd];
  const next = nextHeader(text, start, element);
  if (next === undefined) return undefined;
  let j = next - 1;
  while (j > start && isSpace(text[j])) j--;
  const d = { ...DEFAULT_DELIMITERS, component, element, terminator: text[j] };
  return delimitersUsable(d) ? d : undefined;
}
