import { DEFAULT_DELIMITERS, Delimiters, delimitersUsable } from '../syntax/delimiters';

/** Options every EDIFACT writer takes. */
export interface EdifactWriteOptions {
  /** Any usable separators (distinct, not letters, digits or blanks); a release character is required. */
  delimiters?: Partial<Delimiters>;
  /** Write the UNA service string advice (default true; needed whenever delimiters differ from ISO 9735). */
  una?: boolean;
  /** A line break after each segment terminator (readers skip it). */
  lineBreaks?: boolean;
}

const ALTERNATE_DECIMAL = ',';
const MAX_ASCII = 0x7f;
const RIGHT_SINGLE_QUOTE = '\u2019';

/**
 * Builds an interchange segment by segment: values are escaped with the release character, empty
 * trailing elements and components are dropped (ISO 9735 §7: they may be omitted).
 */
export class SegmentWriter {
  readonly d: Delimiters;
  private readonly parts: string[] = [];
  private count = 0;
  private ascii = true;

  constructor(private readonly options: EdifactWriteOptions = {}) {
    const d = { ...DEFAULT_DELIMITERS, ...options.delimiters };
    if (!d.release) d.release = DEFAULT_DELIMITERS.release;
    if ([d.component, d.element, d.terminator, d.release].includes(d.decimal)) d.decimal = ALTERNATE_DECIMAL;
    if ([d.component, d.element, d.terminator, d.release].includes(d.repetition)) d.repetition = ' ';
    if (!delimitersUsable(d))
      throw new RangeError('delimiters must be distinct and not letters, digits or blanks');
    this.d = d;
  }

  escape(value: string): string {
    const { component, element, terminator, release } = this.d;
    if (this.ascii) {
      for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > MAX_ASCII) this.ascii = false;
    }
    let out = '';
    // A typographic quote could end a segment for readers that tolerate them (see tokenizer): release it.
    const quote = terminator === "'" ? RIGHT_SINGLE_QUOTE : '';
    for (const ch of value) {
      if (ch === component || ch === element || ch === terminator || ch === release || ch === quote)
        out += release;
      out += ch;
    }
    return out;
  }

  /** Appends a segment; each element is a value or a list of components. */
  segment(tag: string, ...elements: (string | undefined | (string | undefined)[])[]): this {
    const rendered = elements.map((e) => {
      const comps = (Array.isArray(e) ? e : [e]).map((c) => this.escape(c ?? ''));
      while (comps.length > 0 && comps[comps.length - 1] === '') comps.pop();
      return comps.join(this.d.component);
    });
    while (rendered.length > 0 && rendered[rendered.length - 1] === '') rendered.pop();
    this.parts.push(
      [tag, ...rendered].join(this.d.element) + this.d.terminator + (this.options.lineBreaks ? '\n' : ''),
    );
    this.count++;
    return this;
  }

  /** Segments written since `mark` (for UNT). */
  since(mark: number): number {
    return this.count - mark;
  }

  get written(): number {
    return this.count;
  }

  /** The interchange text, with UNA unless disabled, and the syntax identifier fitting the values. */
  render(unbIndex = 0): string {
    const syntax = this.ascii ? 'UNOA' : 'UNOY';
    const parts = this.parts.map((p, i) => (i === unbIndex ? p.replace('\u0000SYNTAX\u0000', syntax) : p));
    const una =
      this.options.una === false
        ? ''
        : `UNA${this.d.component}${this.d.element}${this.d.decimal}${this.d.release}${this.d.repetition}${this.d.terminator}${this.options.lineBreaks ? '\n' : ''}`;
    return una + parts.join('');
  }
}

/** Placeholder for the syntax identifier, known only once every value has been written. */
export const SYNTAX_PLACEHOLDER = '\u0000SYNTAX\u0000';

/** `2025-06-01T10:15` → `250601` and `1015` for UNB/UNG. */
export function unbDateTime(iso: string | undefined): [string, string] {
  const v = iso ?? new Date().toISOString().slice(0, 16);
  return [
    `${v.slice(2, 4)}${v.slice(5, 7)}${v.slice(8, 10)}`,
    v.length >= 16 ? `${v.slice(11, 13)}${v.slice(14, 16)}` : '0000',
  ];
}

/** An ISO date or date-time as a DTM composite value with its 2379 format code. */
export function dtm(iso: string): [string, string] {
  if (iso.length >= 16)
    return [
      `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`,
      '203',
    ];
  if (iso.length === 10) return [`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`, '102'];
  if (iso.length === 7) return [`${iso.slice(0, 4)}${iso.slice(5, 7)}`, '610'];
  return [iso.slice(0, 4), '602'];
}
