import type { TypeBEnvelope } from '@paxscreen/contracts';

import { type FlightDesignator, splitFlight, tdtFlight } from './normalize/flight';
import { readServiceString } from './syntax/delimiters';
import { unwrapTypeB } from './syntax/type-b';

/**
 * Recognises a carrier message from its first bytes, cheaply, without parsing it: what kind it is
 * and, when visible, the message type and the flight (for partitioning raw messages). The parser
 * does the real reading; a wrong guess here only costs partition locality, never data.
 */
export interface Sniffed {
  kind: 'EDIFACT' | 'JSON' | 'UNKNOWN';
  messageType?: string;
  carrier?: string;
  flight?: string;
  /** The Type B envelope around the message, when it had one (kept on the receipt). */
  typeB?: TypeBEnvelope;
}

const SNIFF_BYTES = 4096;

export function sniffMessage(input: Buffer): Sniffed {
  const { body, typeB } = unwrapTypeB(input);
  const sniffed = sniffBody(body);
  if (typeB && sniffed.kind !== 'UNKNOWN') sniffed.typeB = typeB;
  return sniffed;
}

function sniffBody(bytes: Buffer): Sniffed {
  const head = bytes
    .subarray(0, SNIFF_BYTES)
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  if (head.startsWith('{')) {
    const carrier = /"carrier"\s*:\s*"([A-Z0-9]{2,3})"/.exec(head)?.[1];
    const number = /"number"\s*:\s*"([A-Z0-9]{1,5})"/.exec(head)?.[1];
    return {
      kind: 'JSON',
      messageType: 'JSON',
      carrier,
      flight: carrier && number ? `${carrier}${number}` : undefined,
    };
  }
  if (!head.startsWith('UNA') && !head.startsWith('UNB')) return { kind: 'UNKNOWN' };
  const d = readServiceString(head).delimiters;
  const segments = head.split(d.terminator).map((s) => s.trim());
  const unh = segments.find((s) => s.startsWith(`UNH${d.element}`));
  const messageType = unh?.split(d.element)[2]?.split(d.component)[0];
  const tdt = segments.find((s) => s.startsWith(`TDT${d.element}`));
  const tvl = segments.find((s) => s.startsWith(`TVL${d.element}`));
  // The same flight reading as the parser's (libs/edifact normalize/flight).
  let designator: FlightDesignator | undefined;
  if (tdt) {
    const parts = tdt.split(d.element);
    designator = tdtFlight((e, c) => parts[e + 1]?.split(d.component)[c] ?? '');
  } else if (tvl) {
    const parts = tvl.split(d.element);
    const carrier = parts[4]?.split(d.component)[0];
    const number = parts[5]?.split(d.component)[0];
    if (carrier && number) designator = splitFlight(number, carrier);
  }
  return {
    kind: 'EDIFACT',
    messageType,
    carrier: designator?.carrier,
    flight: designator ? `${designator.carrier}${designator.number}` : undefined,
  };
}
