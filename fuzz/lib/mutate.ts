import { Rng } from './rng';

/**
 * Byte-level mutations (the classic fuzzer moves): flip, insert, delete, duplicate, repeat,
 * splice from another seed, truncate, and dictionary tokens that EDIFACT and JSON readers branch on.
 */
export const EDIFACT_TOKENS: readonly string[] = [
  "'",
  '+',
  ':',
  '?',
  '*',
  '\\',
  '??',
  "?'",
  '?+',
  '\r\n',
  '\n',
  '\r',
  '\t',
  ' ',
  "UNA:+.? '",
  'UNA',
  'UNB+UNOA:4+',
  'UNB+UNOC:3+',
  'UNB+UNOY:4+',
  'UNB+IATA:1+',
  'UNG+PAXLST+',
  'UNH+1+PAXLST:D:05B:UN:IATA',
  'UNH+1+PNRGOV:13:1:IA',
  'UNH+2+PAXLST:D:05B:UN:IATA+REF1+2:F',
  'UNH+1+CUSRES:D:05B:UN',
  'UNT+',
  'UNE+',
  'UNZ+',
  'BGM+745',
  'BGM+250',
  'RFF+TN:',
  'TDT+20+',
  'LOC+125+',
  'LOC+87+',
  'DTM+189:',
  'NAD+FL+++',
  'NAD+FM+++',
  'NAD+DDT+++',
  'ATT+2++',
  'DOC+P:110:111+',
  'DTM+329:',
  'DTM+36:',
  'NAT+2+',
  'CNT+42:',
  'MSG+:22',
  'ORG+',
  'TVL+',
  'SRC',
  'RCI+',
  'TIF+',
  'SSR+DOCS:HK:1:',
  '/P/GBR/123456789/GBR/03FEB80/M/01JAN30/DOE/JOHN',
  'DAT+700:',
  'EQN+',
  'FTI+',
  'TKT+',
  '\u0000',
  '\uFFFD',
  '\u00E9',
  '\u4E2D',
  '\u200B',
  '\u202E',
  '\uFEFF',
  '9999999999999999999999',
  '-1',
  '0',
  '000000',
  '991399',
  '20250230',
  '2400',
  'F',
  'C',
];

export const JSON_TOKENS: readonly string[] = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\\u0000',
  '\\ud800',
  'null',
  'true',
  '1e999',
  '-0',
  '0.1',
  '"__proto__":{"polluted":1},',
  '"constructor":{"prototype":{}},',
  '"travellers":',
  '"documents":[',
  '"mrz":["',
  '"surname":',
  '"dateOfBirth":"',
  '"flight":{',
  '"part":{"reference":"R","sequence":',
  '\uFEFF',
  ' ',
  '\n',
];

export type Mutation = (
  rng: Rng,
  input: Buffer,
  donors: readonly Buffer[],
  tokens: readonly string[],
) => Buffer;

const at = (rng: Rng, b: Buffer) => rng.below(b.length + 1);

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  flipByte: (rng, b) => {
    if (b.length === 0) return b;
    const out = Buffer.from(b);
    const i = rng.below(out.length);
    out[i] = rng.chance(0.5) ? out[i] ^ (1 << rng.below(8)) : rng.below(256);
    return out;
  },
  insertBytes: (rng, b) => {
    const i = at(rng, b);
    return Buffer.concat([b.subarray(0, i), rng.bytes(rng.small(1, 32)), b.subarray(i)]);
  },
  insertToken: (rng, b, _d, tokens) => {
    const i = at(rng, b);
    return Buffer.concat([b.subarray(0, i), Buffer.from(rng.pick(tokens), 'utf8'), b.subarray(i)]);
  },
  deleteRange: (rng, b) => {
    const i = at(rng, b);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + rng.small(1, 256))]);
  },
  duplicateRange: (rng, b) => {
    const i = at(rng, b);
    const slice = b.subarray(i, i + rng.small(1, 512));
    const j = at(rng, b);
    return Buffer.concat([b.subarray(0, j), slice, b.subarray(j)]);
  },
  repeatRange: (rng, b) => {
    const i = at(rng, b);
    const slice = b.subarray(i, i + rng.small(1, 64));
    const times = rng.small(2, 200);
    return Buffer.concat([b.subarray(0, i), ...Array<Buffer>(times).fill(slice), b.subarray(i)]);
  },
  splice: (rng, b, donors) => {
    const donor = rng.pick(donors);
    const from = at(rng, donor);
    const piece = donor.subarray(from, from + rng.small(1, 1024));
    const i = at(rng, b);
    const cut = rng.chance(0.5) ? rng.small(0, 256) : 0;
    return Buffer.concat([b.subarray(0, i), piece, b.subarray(i + cut)]);
  },
  truncate: (rng, b) => b.subarray(0, at(rng, b)),
  swapBytes: (rng, b) => {
    if (b.length < 2) return b;
    const out = Buffer.from(b);
    const i = rng.below(out.length);
    const j = rng.below(out.length);
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  },
};

const NAMES = Object.keys(MUTATIONS);

/** `steps` random mutations, one after another. */
export function mutateBytes(
  rng: Rng,
  input: Buffer,
  donors: readonly Buffer[],
  tokens: readonly string[],
  steps: number,
): Buffer {
  let out = input;
  for (let s = 0; s < steps; s++) out = MUTATIONS[rng.pick(NAMES)](rng, out, donors, tokens);
  return out;
}
