import type { Gender, TravellerRole } from '@paxscreen/contracts';
import {
  DEFAULT_DELIMITERS,
  Delimiters,
  PaxlstTraveller,
  PaxlstVersion,
  readServiceString,
  writePaxlst,
} from '@paxscreen/edifact';

import { Rng } from './rng';

/**
 * EDIFACT-aware generators: whole PAXLST interchanges from random data and random service
 * characters, segment-level surgery on seeds, odd UNA strings, release characters, charsets,
 * deep nesting and huge repetitions. Each returns bytes; none of them validates what it makes.
 */

/** Characters a UNA may name: the usual ones, then ones a reader must survive but never accept. */
const SERVICE_CHARS = [...'+:\'?*~|^!\\#@%&;=_/$.,"<>`'];
const ODD_SERVICE_CHARS = [
  ' ',
  '\n',
  '\r',
  '\t',
  'A',
  'Z',
  '1',
  '\u0000',
  '\u00E9',
  '\u00A0',
  '\u20AC',
  '\u2019',
  '\uD83D',
];
const SYNTAX_IDS = [
  'UNOA',
  'UNOB',
  'UNOC',
  'UNOD',
  'UNOE',
  'UNOF',
  'UNOK',
  'UNOL',
  'UNOW',
  'UNOX',
  'UNOY',
  'IATA',
  'KECA',
  'ZZZZ',
  '',
];
const PAXLST_VERSIONS: PaxlstVersion[] = ['D:02B', 'D:05B', 'D:12B', 'D:15B'];
const PREPARED_AT = '2025-03-01T09:30';
const NAME_PARTS = [
  'SMITH',
  "O'HARA",
  'DE LA CRUZ',
  'MÜLLER',
  'ŁUKASZ',
  'ΠΑΠΑΔΟΠΟΥΛΟΣ',
  'ИВАНОВ',
  '王',
  'محمد',
  'A+B:C?D',
  '??',
  "'''",
  '',
  ' ',
  'X'.repeat(300),
  '\u0000\u0001',
  '\uD800',
  'DR MR',
];
const COUNTRIES = ['GBR', 'FRA', 'USA', 'D', 'XXA', 'UTO', 'GB', '123', '', 'ZZZ', 'ÄÖÜ'];
const DATES = [
  '1980-02-03',
  '1980-02',
  '1980',
  '2025-02-30',
  '0000-00-00',
  '9999-12-31',
  '1899-01-01',
  '2050-01-01',
  'X',
  '',
];

export function delimitersOf(text: string): Delimiters {
  return readServiceString(text).delimiters;
}

/** Splits an interchange into segments naively (release characters ignored on purpose: fuzz input). */
export function segmentsOf(text: string, d: Delimiters = delimitersOf(text)): string[] {
  return text.split(d.terminator);
}

function randomDelimiters(rng: Rng): Partial<Delimiters> {
  const pool = rng.chance(0.15) ? [...SERVICE_CHARS, ...ODD_SERVICE_CHARS] : SERVICE_CHARS;
  const chosen: string[] = [];
  while (chosen.length < 4) {
    const ch = rng.pick(pool);
    if (!chosen.includes(ch) || rng.chance(0.02)) chosen.push(ch);
  }
  const [component, element, terminator, release] = chosen;
  return { component, element, terminator, release };
}

function randomText(rng: Rng, parts: readonly string[]): string {
  const n = rng.small(1, 4);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(parts));
  return words.join(rng.chance(0.8) ? ' ' : '-');
}

function randomTraveller(rng: Rng): PaxlstTraveller {
  const documents = Array.from({ length: rng.small(0, 3) }, () => ({
    type: rng.pick(['P', 'V', 'I', 'AC', 'PT', '']),
    number: rng.chance(0.8) ? `X${rng.int(0, 99_999_999)}` : randomText(rng, NAME_PARTS),
    issuer: rng.pick(COUNTRIES),
    expiry: rng.pick(DATES),
  }));
  return {
    role: rng.pick<TravellerRole>(['PASSENGER', 'CREW', 'IN_TRANSIT']),
    surname: randomText(rng, NAME_PARTS),
    givenNames: randomText(rng, NAME_PARTS),
    dateOfBirth: rng.pick(DATES),
    gender: rng.pick<Gender>(['M', 'F', 'X', 'U']),
    nationality: rng.pick(COUNTRIES),
    documents,
    ...(rng.chance(0.3) ? { seat: `${rng.int(0, 120)}${rng.pick(['A', 'K', '', '?'])}` } : {}),
    ...(rng.chance(0.3) ? { bagCount: rng.int(0, 20) } : {}),
    ...(rng.chance(0.3) ? { pnr: { locator: randomText(rng, ['ABC123', 'Q', '+']) } } : {}),
  };
}

/** A PAXLST written by the project's writer from random data, with random service characters. */
export function generatedPaxlst(rng: Rng, travellers = rng.small(0, 40)): string {
  const input = {
    sender: rng.pick(['ZZAIR', 'A+B', '']),
    recipient: 'BORDER',
    controlRef: String(rng.int(0, 99_999)),
    // Fixed: the writer's default (now) would make a case differ from one run to the next.
    preparedAt: PREPARED_AT,
    messageRef: `M${rng.int(0, 999)}`,
    kind: rng.pick(['PASSENGERS', 'CREW'] as const),
    flight: {
      carrier: rng.pick(['ZZ', 'AF', 'U2', '9W', 'Z', 'ZZZZ', '']),
      number: String(rng.int(0, 99_999)),
      departure: {
        port: rng.pick(['LHR', 'CDG', 'X', '']),
        at: `${rng.pick(DATES)}T${rng.pick(['10:15', '25:61', '00:00'])}`,
      },
      arrival: { port: rng.pick(['JFK', 'YYZ', 'LHR']), at: `${rng.pick(DATES)}T13:40` },
    },
    travellers: Array.from({ length: travellers }, () => randomTraveller(rng)),
    ...(rng.chance(0.2)
      ? { multipart: { reference: `R${rng.int(0, 9)}`, sequence: rng.int(0, 5), final: rng.chance(0.5) } }
      : {}),
  };
  const options = {
    version: rng.pick(PAXLST_VERSIONS),
    lineBreaks: rng.chance(0.3),
    ...(rng.chance(0.4) ? { delimiters: randomDelimiters(rng) } : {}),
  };
  try {
    return writePaxlst(input, options);
  } catch {
    // Unusable delimiters or values the writer refuses: the defaults always write.
    return writePaxlst(input, { version: options.version });
  }
}

/** Segment surgery: delete, duplicate, swap, repeat, damage counts, add or drop envelope segments. */
export function mutateSegments(rng: Rng, text: string): string {
  const d = delimitersOf(text);
  const segs = segmentsOf(text, d);
  const steps = rng.small(1, 6);
  for (let s = 0; s < steps && segs.length > 0; s++) {
    const i = rng.below(segs.length);
    switch (rng.below(9)) {
      case 0:
        segs.splice(i, rng.small(1, 8));
        break;
      case 1:
        segs.splice(rng.below(segs.length), 0, ...segs.slice(i, i + rng.small(1, 12)));
        break;
      case 2: {
        const j = rng.below(segs.length);
        [segs[i], segs[j]] = [segs[j], segs[i]];
        break;
      }
      case 3:
        segs.splice(i, 0, ...Array<string>(rng.small(2, 500)).fill(segs[i]));
        break;
      case 4: // envelope trailers gone (unterminated messages and interchanges)
        for (let k = segs.length - 1; k >= 0; k--)
          if (/^\s*UN[TEZ]/.test(segs[k]) && rng.chance(0.7)) segs.splice(k, 1);
        break;
      case 5: // counts and references that do not add up
        for (let k = 0; k < segs.length; k++)
          if (/^\s*UN[TZEH]/.test(segs[k]))
            segs[k] = segs[k].replace(/\d+/, rng.pick(['', '-1', '0', '99999999999999999999', 'X', '1e9']));
        break;
      case 6: // a header where none belongs
        segs.splice(
          i,
          0,
          rng
            .pick([
              'UNH+9+PAXLST:D:05B:UN:IATA',
              'UNH+9+PNRGOV:13:1:IA',
              'UNB+UNOA:4+A+B+250101:0000+9',
              'UNG+PAXLST+A+B+250101:0000+9+UN+D:05B',
              'UNA:+.? ',
              'UNH',
              'UNH+',
            ])
            .replace(/[+:]/g, (c) => (c === '+' ? d.element : d.component)),
        );
        break;
      case 7: {
        // elements and components added, removed or swollen
        const parts = segs[i].split(d.element);
        const k = rng.below(parts.length);
        if (rng.chance(0.3)) parts.splice(k, 1);
        else if (rng.chance(0.5))
          parts.splice(k, 0, ...Array<string>(rng.small(1, 300)).fill(rng.pick(['', 'X', '9'])));
        else
          parts[k] = Array<string>(rng.small(1, 300))
            .fill(rng.pick(['', 'A', '1']))
            .join(d.component);
        segs[i] = parts.join(d.element);
        break;
      }
      default: // a value replaced by something odd
        segs[i] = segs[i].replace(
          /[A-Z0-9]{2,}$/,
          rng.pick([
            '',
            'X'.repeat(rng.small(1, 5000)),
            '\u00E9\u4E2D',
            '000000',
            '991399',
            '2025023099',
            d.release,
          ]),
        );
    }
  }
  return segs.join(d.terminator);
}

/** A new UNA (usable or not, the body translated or left as it was, or the UNA damaged). */
export function rewriteUna(rng: Rng, text: string): string {
  const old = delimitersOf(text);
  const body = text.slice(readServiceString(text).bodyStart);
  const fresh = randomDelimiters(rng);
  const d: Delimiters = {
    ...DEFAULT_DELIMITERS,
    ...fresh,
    decimal: rng.pick(['.', ',', fresh.component ?? '.']),
  };
  const translate = rng.chance(0.7);
  let translated = body;
  if (translate) {
    const map = new Map<string, string>([
      [old.component, d.component],
      [old.element, d.element],
      [old.terminator, d.terminator],
      ...(old.release ? ([[old.release, d.release]] as [string, string][]) : []),
    ]);
    translated = [...body].map((ch) => map.get(ch) ?? ch).join('');
  }
  let una = `UNA${d.component}${d.element}${d.decimal}${d.release}${d.repetition}${d.terminator}`;
  const damage = rng.below(8);
  if (damage === 0) una = una.slice(0, rng.int(3, una.length - 1));
  else if (damage === 1) una += rng.pick([...SERVICE_CHARS, ...ODD_SERVICE_CHARS]);
  else if (damage === 2) una = una.repeat(rng.int(2, 5));
  else if (damage === 3) una = `${rng.pick(['\uFEFF', ' ', '\r\n', '\n\n'])}${una}`;
  return damage === 4 ? `${translated}${una}` : `${una}${rng.chance(0.2) ? '\r\n' : ''}${translated}`;
}

/** Release characters where they hurt: before separators, doubled, before line breaks, at the very end. */
export function sprinkleRelease(rng: Rng, text: string): string {
  const d = delimitersOf(text);
  const release = d.release || '?';
  const chars = [...text];
  const n = rng.small(1, 40);
  for (let k = 0; k < n && chars.length > 0; k++) {
    const i = rng.below(chars.length + 1);
    chars.splice(
      i,
      0,
      rng.pick([release, release + release, release + d.terminator, release + d.element, release + '\n']),
    );
  }
  if (rng.chance(0.3)) chars.push(release);
  if (rng.chance(0.1)) return chars.join('') + release.repeat(rng.small(1, 10_000));
  return chars.join('');
}

/** Bytes in another charset than declared, a BOM, UTF-16, or invalid UTF-8 sequences. */
export function reencode(rng: Rng, text: string): Buffer {
  const declared = text.replace(/(UNB.)([A-Z]{4})/, (_m, pre: string) => `${pre}${rng.pick(SYNTAX_IDS)}`);
  const withNonAscii = rng.chance(0.5)
    ? declared.replace(/[A-Z]{4,}/, (w) => `${w}${rng.pick(['Ä', 'é', 'Ж', '中', '😀', 'ß'])}`)
    : declared;
  switch (rng.below(7)) {
    case 0:
      return Buffer.from(withNonAscii, 'latin1');
    case 1:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withNonAscii, 'utf8')]);
    case 2:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(withNonAscii, 'utf16le')]);
    case 3:
      return Buffer.from(withNonAscii, 'utf16le').swap16();
    case 4: {
      const bytes = Buffer.from(withNonAscii, 'utf8');
      const bad = rng.pick([
        [0xc0, 0x80],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
        [0x80],
        [0xff],
        [0xe2, 0x82],
      ]);
      const i = rng.below(bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(bad), bytes.subarray(i)]);
    }
    default:
      return Buffer.from(withNonAscii, 'utf8');
  }
}

const OPENERS = [
  "UNB+UNOA:4+S+R+250101:0000+N'",
  "UNG+PAXLST+S+R+250101:0000+N+UN+D:05B'",
  "UNH+N+PAXLST:D:05B:UN:IATA'",
  "UNH+N+PNRGOV:13:1:IA'",
  "UNH+N+PAXLST:D:05B:UN:IATA+REF+1:C'",
];

/** Deep nesting: envelopes opened inside each other and never closed, or groups inside groups. */
export function deepNesting(rng: Rng): Buffer {
  const depth = rng.small(10, 5000);
  const kind = rng.below(4);
  const parts: string[] = [];
  if (kind === 0) for (let i = 0; i < depth; i++) parts.push(rng.pick(OPENERS).replace('N', String(i)));
  else if (kind === 1) {
    parts.push(OPENERS[0], OPENERS[2], "BGM+745'", "TDT+20+ZZ1'");
    // PNRGOV-style nesting: TVL inside TIF inside SRC inside TVL…
    for (let i = 0; i < depth; i++)
      parts.push(
        rng.pick([
          "SRC'",
          "RCI+ZZ:ABC'",
          "TIF+DOE+J'",
          "SSR+DOCS'",
          "TVL+010125:1000+LHR+JFK+ZZ+1'",
          "NAD+FL+++DOE:J'",
          "DOC+P+X1'",
        ]),
      );
  } else if (kind === 2) parts.push(OPENERS[0], OPENERS[2], `NAD+FL+++${':'.repeat(depth * 10)}'`);
  else parts.push(OPENERS[0], `UNH+1+${'PAXLST:'.repeat(depth)}'`);
  return Buffer.from(parts.join(rng.chance(0.3) ? '\n' : ''), 'latin1');
}

/** Huge repetitions: a traveller group thousands of times, one enormous element, floods of separators. */
export function hugeRepetition(rng: Rng, seed: string): Buffer {
  const d = delimitersOf(seed);
  switch (rng.below(5)) {
    case 0: {
      const text = generatedPaxlst(rng, 1);
      const start = text.indexOf(`NAD${DEFAULT_DELIMITERS.element}`);
      const end = text.indexOf('CNT');
      if (start < 0 || end < start) return Buffer.from(text);
      const group = text.slice(start, end);
      return Buffer.from(text.slice(0, start) + group.repeat(rng.int(500, 20_000)) + text.slice(end));
    }
    case 1: {
      const segs = segmentsOf(seed, d);
      const i = rng.below(segs.length);
      segs.splice(i, 0, ...Array<string>(rng.int(1000, 50_000)).fill(segs[i]));
      return Buffer.from(segs.join(d.terminator), 'latin1');
    }
    case 2: {
      const at = rng.below(seed.length + 1);
      const filler = rng.pick([
        'X',
        d.element,
        d.component,
        d.terminator,
        d.release || '?',
        ' ',
        '\n',
        'UNH',
      ]);
      return Buffer.from(
        seed.slice(0, at) + filler.repeat(rng.int(10_000, 1_000_000)) + seed.slice(at),
        'latin1',
      );
    }
    case 3: {
      // Many parts of one multi-part set, numbered at random.
      const n = rng.int(500, 20_000);
      const parts = ["UNB+UNOA:4+S+R+250101:0000+1'"];
      for (let i = 0; i < n; i++)
        parts.push(
          `UNH+${i}+PAXLST:D:05B:UN:IATA+SET+${rng.chance(0.5) ? i + 1 : rng.int(0, 2 ** 31)}:${rng.chance(0.01) ? 'F' : 'C'}'BGM+745'TDT+20+ZZ1'UNT+3+${i}'`,
        );
      return Buffer.from(parts.join(''));
    }
    default:
      return Buffer.from(
        `UNA:+.? '${"UNA:+.? '".repeat(rng.int(1000, 100_000))}UNB+UNOA:4+S+R+250101:0000+1'`,
      );
  }
}
