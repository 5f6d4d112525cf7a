import { DEFAULT_DELIMITERS, readServiceString } from '@paxscreen/edifact';

import type { Rng } from './rng';

/**
 * Issue 21 shapes for the fuzzer: the input wrapped in a Type B envelope (control characters,
 * spelled-out markers, SITA `=TEXT`, a bare heading), often damaged (no ETX, STX without SOH,
 * garbage or very long address lines, markers inside the text, envelopes nested), and
 * interchanges whose UNA is dropped after their service characters were changed, so that the
 * reader must infer them from UNB (or refuse with UNKNOWN_DELIMITERS).
 */
const PRIORITIES = ['QU', 'QK', 'QD', 'QX', 'QS', 'Q', 'XX', ''];
const ADDRESSES = ['YYZAPXH', 'HDQRMXS', 'LHRKMZZ', 'SYDAPXH', 'ABC', 'ABCDEFGH', 'lower12', '.......'];
const MARKERS = [
  ['\u0001', '\u0002', '\u0003'],
  ['<SOH>', '<STX>', '<ETX>'],
  ['[SOH]', '[STX]', '[ETX]'],
  ['^A', '^B', '^C'],
  ['', '', ''],
] as const;
/** Type B-safe and other plausible service characters for an interchange without UNA. */
const SAFE = [..."(-/).,=:+'~*|"];

export function wrapTypeB(rng: Rng, body: string): string {
  const addresses = Array.from({ length: rng.small(0, 12) }, () => rng.pick(ADDRESSES)).join(
    rng.pick([' ', '  ', '\r\n', '\t']),
  );
  const origin = `.${rng.pick(ADDRESSES)} ${rng.pick(['011015', '3199', '', 'AB 011015'])}${rng.chance(0.5) ? `/${rng.pick(['A1B2C3', '', '//', 'x'.repeat(rng.small(1, 300))])}` : ''}`;
  const heading = `${rng.pick(PRIORITIES)} ${addresses}\r\n${rng.chance(0.8) ? `${origin}\r\n` : ''}`;
  let out: string;
  if (rng.chance(0.2)) {
    const keys = [
      '=HEADER',
      '=PRIORITY',
      'QU',
      '=DESTINATION TYPE B',
      `STX,${rng.pick(ADDRESSES)}`,
      '=ORIGIN',
      rng.pick(ADDRESSES),
      '=MSGID',
      'M1',
    ];
    out = `${keys.filter(() => rng.chance(0.85)).join('\n')}\n${rng.chance(0.9) ? '=TEXT\n' : ''}${body}`;
  } else {
    const [soh, stx, etx] = rng.pick(MARKERS);
    out = `${rng.chance(0.9) ? soh : ''}${heading}${rng.chance(0.85) ? stx : ''}${body}${rng.chance(0.8) ? etx : ''}`;
  }
  const damage = rng.below(10);
  if (damage === 0) out = wrapTypeB(rng, out);
  else if (damage === 1) {
    const i = rng.below(out.length + 1);
    out = `${out.slice(0, i)}${rng.pick(['\u0003', '<ETX>', '\u0002', '<STX>', '\u0001'])}${out.slice(i)}`;
  } else if (damage === 2) out = out.slice(0, rng.below(out.length + 1));
  else if (damage === 3)
    out = `${out}${rng.pick(['\u0003', '<ETX>'])}${' '.repeat(rng.small(0, 100))}${rng.pick(['', 'NNNN', 'UNZ'])}`;
  return out;
}

/** The interchange with new service characters and no UNA (its UNB shows them, or not). */
export function withoutUna(rng: Rng, text: string): string {
  const svc = readServiceString(text);
  const old = svc.delimiters;
  const body = text.slice(svc.bodyStart);
  const pick = () => rng.pick(SAFE);
  const d = {
    component: pick(),
    element: pick(),
    terminator: pick(),
    release: rng.chance(0.8) ? '?' : pick(),
  };
  const map = new Map<string, string>([
    [old.component, d.component],
    [old.element, d.element],
    [old.terminator, d.terminator],
    ...(old.release ? ([[old.release, d.release]] as [string, string][]) : []),
  ]);
  let out = [...body].map((ch) => map.get(ch) ?? ch).join('');
  if (rng.chance(0.3)) out = out.replace(/^UNB.UNO[A-Z]/, (m) => `${m.slice(0, 4)}IATA`);
  if (rng.chance(0.2)) out = out.split(d.terminator).join(`${d.terminator}\r\n`);
  return d.terminator === DEFAULT_DELIMITERS.terminator && rng.chance(0.5) ? out.replace(/'/g, '') : out;
}
