import type { TypeBEnvelope } from '@paxscreen/contracts';

/**
 * Strips an IATA Type B envelope from a carrier message, keeping its heading (priority, addresses,
 * origin line) for the receipt. Shapes read, each as written by airline networks or by the logs
 * and MQ bridges that relay them:
 * - control characters: `SOH` heading `STX` text `ETX` (the heading is the priority and address
 *   line(s) and the origin line: `QU SYDAPXH HDQRMXS` / `.HDQRMXS 061200/A1B2C3`);
 * - the same with the markers spelled out: `<SOH>`, `[SOH]`, `^A` (and STX, ETX alike);
 * - a bare heading without markers (the bridge dropped the control characters) followed by the
 *   EDIFACT text;
 * - SITA's textual form: `=HEADER`, `=PRIORITY`, `=DESTINATION TYPE B`, `=ORIGIN`, `=DBLSIG`,
 *   `=MSGID`, `=SMI`, `=TEXT` lines before the text.
 * Messages starting with `UNA`/`UNB`/`UNH`/`{` are returned as they are after one byte check, so
 * clean messages pay nothing. Works on bytes (Latin-1 view of the head) before charset decoding:
 * every marker is ASCII, so the body's bytes are left exactly as sent.
 */
export interface Unwrapped {
  /** The message inside the envelope (the input itself when there is none). */
  body: Buffer;
  typeB?: TypeBEnvelope;
}

/** Longest heading looked at: a Type B heading is a few short lines (addresses wrap at 69 columns). */
const HEAD_LIMIT = 2048;
/** How far from the end an end-of-text marker is looked for. */
const TAIL_LIMIT = 64;

const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const START_MARKERS = [SOH, '<SOH>', '[SOH]', '^A'];
const TEXT_MARKERS = [STX, '<STX>', '[STX]', '^B'];
const END_MARKERS = [ETX, '<ETX>', '[ETX]', '^C'];
const EDIFACT_START = /(?:^|[\r\n])\s*(UNA|UNB|UNH|\{)/;
const PRIORITY_LINE = /^(Q[A-Z])(?:\s+(.*))?$/;
const ADDRESS = /^[A-Z0-9]{7}$/;
const ORIGIN_LINE = /^\.([A-Z0-9]{7})(.*)$/;
const DATE_TIME = /^\d{6}$/;
const DOUBLE_SIGNATURE = /^[A-Z]{2}$/;

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Whether the bytes at i start a clean message (no envelope to strip). */
function cleanStart(bytes: Buffer, i: number): boolean {
  const b = bytes[i];
  if (b === 0x7b || b === 0xef) return true; // `{`, UTF-8 BOM
  return b === 0x55 && bytes[i + 1] === 0x4e; // `UN`
}

export function unwrapTypeB(bytes: Buffer): Unwrapped {
  let i = 0;
  while (i < bytes.length && isBlank(bytes[i])) i++;
  if (i >= bytes.length || cleanStart(bytes, i)) return { body: bytes };

  const head = bytes.subarray(i, i + HEAD_LIMIT).toString('latin1');
  const start = START_MARKERS.find((m) => head.startsWith(m));
  const afterStart = start ? start.length : 0;
  if (!start && !head.startsWith('=') && !PRIORITY_LINE.test(firstLine(head))) return { body: bytes };

  // Where the text begins: after STX (or its spelled-out form), SITA `=TEXT`, or at the EDIFACT.
  let headingEnd: number;
  let textStart: number;
  const stx = earliest(head, TEXT_MARKERS, afterStart);
  const sitaText = /(?:^|[\r\n])=TEXT[ \t]*(?:\r?\n|$)/.exec(head);
  if (stx) {
    headingEnd = stx.index;
    textStart = stx.index + stx.marker.length;
  } else if (sitaText) {
    headingEnd = sitaText.index;
    textStart = sitaText.index + sitaText[0].length;
  } else {
    const edi = EDIFACT_START.exec(head.slice(afterStart));
    if (!edi) return { body: bytes };
    headingEnd = afterStart + edi.index + edi[0].length - edi[1].length;
    textStart = headingEnd;
  }
  const heading = head.slice(afterStart, headingEnd);
  const typeB = head.startsWith('=')
    ? readSitaHeading(heading)
    : readHeading(
        heading,
        start === SOH || stx?.marker === STX ? 'CONTROL' : start || stx ? 'TEXTUAL' : 'NONE',
      );
  if (!typeB) return { body: bytes };

  let end = bytes.length;
  while (end > i + textStart && isBlank(bytes[end - 1])) end--;
  const tail = bytes.subarray(Math.max(i + textStart, end - TAIL_LIMIT), end).toString('latin1');
  const etx = latest(tail, END_MARKERS);
  if (etx !== undefined) end = end - (tail.length - etx);
  return { body: bytes.subarray(i + textStart, end), typeB };
}

function firstLine(text: string): string {
  const nl = text.search(/[\r\n]/);
  return (nl < 0 ? text : text.slice(0, nl)).trim();
}

function earliest(
  text: string,
  markers: string[],
  from: number,
): { index: number; marker: string } | undefined {
  let best: { index: number; marker: string } | undefined;
  for (const marker of markers) {
    const index = text.indexOf(marker, from);
    if (index >= 0 && (!best || index < best.index)) best = { index, marker };
  }
  return best;
}

/** Index of the last end marker, when only blanks follow it. */
function latest(tail: string, markers: string[]): number | undefined {
  let best: number | undefined;
  for (const marker of markers) {
    const index = tail.lastIndexOf(marker);
    if (index >= 0 && tail.slice(index + marker.length).trim() === '' && (best === undefined || index < best))
      best = index;
  }
  return best;
}

/** Priority and address line(s), then the origin line. Undefined when the lines are not a heading. */
function readHeading(heading: string, markers: TypeBEnvelope['markers']): TypeBEnvelope | undefined {
  const lines = heading
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const env: TypeBEnvelope = { markers, addresses: [] };
  for (const line of lines) {
    const origin = ORIGIN_LINE.exec(line);
    if (origin) {
      env.origin = origin[1];
      readOriginRest(origin[2], env);
      continue;
    }
    const priority = PRIORITY_LINE.exec(line);
    const first = priority !== null && env.priority === undefined && env.addresses.length === 0;
    const words = (first ? (priority[2] ?? '') : line).split(/\s+/).filter(Boolean);
    // Anything but seven-character addresses: not a Type B heading (a note, a log line).
    if (!words.every((w) => ADDRESS.test(w))) return undefined;
    if (first) env.priority = priority[1];
    env.addresses.push(...words);
  }
  return env.priority !== undefined || env.addresses.length > 0 || env.origin !== undefined ? env : undefined;
}

/** After the originator: date/time group, `/` message identity, double signature, in any order. */
function readOriginRest(rest: string, env: TypeBEnvelope): void {
  const [before, ...after] = rest.split('/');
  for (const word of before.split(/\s+/).filter(Boolean)) {
    if (DATE_TIME.test(word) && env.dateTime === undefined) env.dateTime = word;
    else if (DOUBLE_SIGNATURE.test(word) && env.doubleSignature === undefined) env.doubleSignature = word;
  }
  const identity = after.join('/').trim().split(/\s+/)[0];
  if (identity) {
    if (DATE_TIME.test(identity) && env.dateTime === undefined) env.dateTime = identity;
    else env.messageIdentity = identity;
  }
}

/** SITA `=KEYWORD` lines, each followed by its value line(s). */
function readSitaHeading(heading: string): TypeBEnvelope | undefined {
  const env: TypeBEnvelope = { markers: 'SITA', addresses: [] };
  let keyword = '';
  for (const raw of heading.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('=')) {
      keyword = line.slice(1).trim().toUpperCase();
      continue;
    }
    switch (keyword) {
      case 'PRIORITY':
        env.priority ??= line;
        break;
      case 'DESTINATION TYPE B':
        // `STX,HDQRMXS`: the transport prefix before the comma is not part of the address.
        for (const w of line.split(/[\s,]+/)) if (ADDRESS.test(w)) env.addresses.push(w);
        break;
      case 'ORIGIN':
        if (ADDRESS.test(line)) env.origin ??= line;
        break;
      case 'DBLSIG':
        env.doubleSignature ??= line;
        break;
      case 'MSGID':
        env.messageIdentity ??= line;
        break;
      default:
        break;
    }
  }
  return keyword ? env : undefined;
}
