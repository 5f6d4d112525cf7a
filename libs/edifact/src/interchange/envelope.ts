import type { Finding } from '@paxscreen/contracts';

import { EdifactError } from '../errors/edifact.error';
import { parseEdiDate } from '../normalize/dates';
import { finding } from '../quality/finding';
import { Segment } from '../syntax/segment';
import { isSegmentTag } from '../syntax/tokenizer';
import { type InterchangeInfo, MAX_PARTS, type Multipart } from '../types';

/** A message's UNH, read before its body. */
export interface MessageHeader {
  ref: string;
  type: string;
  /** Version and release, e.g. `D:05B`, `13:1`. */
  version: string;
  /** UNH S009 0057 association code (`IATA`, `IA`, `US`, …). */
  association: string;
  accessRef?: string;
  multipart?: Multipart;
  header: Segment;
}

/** One UNH…UNT message with its body (the segments between them), for readers fed all at once. */
export interface RawMessage extends MessageHeader {
  body: Segment[];
  /** Envelope findings of this message (UNT count and reference). */
  findings: Finding[];
}

/** What reads one message's body, segment by segment. */
export interface MessageSink<T> {
  push(segment: Segment): void;
  /** Called at UNT (or when the message ends without one) with the envelope's findings about it. */
  finish(envelopeFindings: Finding[]): T;
}

export interface Interchange {
  info?: Omit<InterchangeInfo, 'charset'>;
  messages: RawMessage[];
  findings: Finding[];
}

/** How many unreadable segments are reported one by one before they are only counted. */
const MAX_LISTED_FAULTS = 5;

/**
 * Splits a stream of segments into messages and checks the envelope (ISO 9735 UNB/UNG/UNH/UNT/
 * UNE/UNZ): counts and control references are compared and mismatches reported, never fatal;
 * segments outside a message and text after UNZ are reported and skipped. `open` decides per UNH
 * which sink reads the body (undefined: the message is skipped).
 */
export class EnvelopeSplitter<T> {
  readonly findings: Finding[] = [];
  readonly results: T[] = [];
  messageCount = 0;
  firstPosition?: number;
  private unb?: Segment;
  private unz?: Segment;
  private groups = 0;
  private current?: { head: MessageHeader; sink?: MessageSink<T>; segments: number };
  private trailing = 0;
  private faults = 0;

  constructor(
    private readonly refYear: number,
    private readonly open: (head: MessageHeader) => MessageSink<T> | undefined,
  ) {}

  push(seg: Segment): void {
    if (this.firstPosition === undefined) this.firstPosition = seg.position;
    if (this.unz) {
      this.trailing++;
      return;
    }
    if (!isSegmentTag(seg.tag)) {
      if (this.faults++ < MAX_LISTED_FAULTS) {
        this.findings.push(
          finding('INVALID_SEGMENT_TAG', 'segment does not start with a three-character tag; skipped', {
            segment: seg.position,
          }),
        );
      }
      return;
    }
    switch (seg.tag) {
      case 'UNB':
        if (this.unb)
          this.findings.push(
            finding('UNEXPECTED_SEGMENT', 'second UNB in one interchange; ignored', {
              segment: seg.position,
              field: 'UNB',
            }),
          );
        else this.unb = seg.clone();
        return;
      case 'UNG':
        this.groups++;
        return;
      case 'UNE':
        return;
      case 'UNH': {
        this.close(undefined);
        this.messageCount++;
        const head = readHeader(seg.clone());
        this.current = { head, sink: this.open(head), segments: 1 };
        return;
      }
      case 'UNT':
        if (this.current) this.close(seg);
        else
          this.findings.push(
            finding('SEGMENT_OUTSIDE_MESSAGE', 'UNT without UNH', { segment: seg.position, field: 'UNT' }),
          );
        return;
      case 'UNZ':
        this.close(undefined);
        this.unz = seg.clone();
        return;
      default:
        if (this.current) {
          this.current.segments++;
          this.current.sink?.push(seg);
        } else if (this.faults++ < MAX_LISTED_FAULTS) {
          this.findings.push(
            finding('SEGMENT_OUTSIDE_MESSAGE', 'segment outside UNH…UNT; skipped', {
              segment: seg.position,
              field: seg.tag,
            }),
          );
        }
    }
  }

  /** Ends the interchange: closes an open message and checks UNB/UNZ. */
  finish(): Omit<InterchangeInfo, 'charset'> | undefined {
    this.close(undefined);
    const { unb, unz } = this;
    if (this.faults > MAX_LISTED_FAULTS) {
      this.findings.push(
        finding(
          'INVALID_SEGMENT_TAG',
          `${this.faults - MAX_LISTED_FAULTS} more unreadable segment(s) skipped`,
          {},
        ),
      );
    }
    if (this.trailing > 0)
      this.findings.push(
        finding('TRAILING_TEXT', 'text after UNZ was ignored', { segment: unz?.position, field: 'UNZ' }),
      );
    if (!unb && this.messageCount > 0)
      this.findings.push(finding('MISSING_UNB', 'interchange has no UNB header', {}));
    if (unb && !unz) this.findings.push(finding('MISSING_UNZ', 'interchange has no UNZ trailer', {}));
    if (unb && unz) {
      if (unz.value(1) !== '' && unz.value(1) !== unb.value(4)) {
        this.findings.push(
          finding('CONTROL_REFERENCE_MISMATCH', 'UNZ reference differs from UNB', {
            segment: unz.position,
            field: 'UNZ',
          }),
        );
      }
      const declared = unz.value(0);
      if (declared !== '' && Number(declared) !== this.messageCount && Number(declared) !== this.groups) {
        this.findings.push(
          finding(
            'MESSAGE_COUNT_MISMATCH',
            `UNZ declares ${declared} messages, the interchange has ${this.messageCount}`,
            {
              segment: unz.position,
              field: 'UNZ',
            },
          ),
        );
      }
    }
    return unb ? interchangeInfo(unb, this.refYear) : undefined;
  }

  private close(unt: Segment | undefined): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    const found: Finding[] = [];
    if (!unt) {
      found.push(
        finding('MISSING_UNT', 'message has no UNT trailer', {
          segment: current.head.header.position,
          field: 'UNH',
        }),
      );
    } else {
      const actual = current.segments + 1;
      if (unt.value(0) !== '' && Number(unt.value(0)) !== actual) {
        found.push(
          finding(
            'SEGMENT_COUNT_MISMATCH',
            `UNT declares ${unt.value(0)} segments, the message has ${actual}`,
            {
              segment: unt.position,
              field: 'UNT',
            },
          ),
        );
      }
      if (unt.value(1) !== '' && unt.value(1) !== current.head.ref) {
        found.push(
          finding('CONTROL_REFERENCE_MISMATCH', 'UNT reference differs from UNH', {
            segment: unt.position,
            field: 'UNT',
          }),
        );
      }
    }
    if (current.sink) this.results.push(current.sink.finish(found));
  }
}

/** Splits a whole segment list (tests, small inputs); readers use EnvelopeSplitter directly. */
export function splitInterchange(segments: Segment[], refYear: number): Interchange {
  const splitter = new EnvelopeSplitter<RawMessage>(refYear, (head) => {
    const body: Segment[] = [];
    return { push: (seg) => body.push(seg.clone()), finish: (findings) => ({ ...head, body, findings }) };
  });
  for (const seg of segments) splitter.push(seg);
  const info = splitter.finish();
  return { info, messages: splitter.results, findings: splitter.findings };
}

function readHeader(unh: Segment): MessageHeader {
  const id = unh.element(1);
  const head: MessageHeader = {
    ref: unh.value(0),
    type: (id[0] ?? '').trim().toUpperCase(),
    version: id.length > 1 ? `${id[1] ?? ''}:${id[2] ?? ''}` : '',
    association: id[4] ?? id[3] ?? '',
    header: unh,
  };
  const accessRef = unh.value(2);
  if (accessRef) head.accessRef = accessRef;
  const sequence = unh.value(3, 0);
  if (sequence !== '') {
    const n = Number(sequence);
    if (Number.isInteger(n) && n > MAX_PARTS)
      throw new EdifactError('INVALID_PARTS', `UNH part number is above ${MAX_PARTS}`, unh.position);
    head.multipart = {
      reference: accessRef || head.ref,
      sequence: Number.isInteger(n) && n > 0 ? n : 1,
      final: unh.value(3, 1).toUpperCase() === 'F',
    };
  }
  return head;
}

function interchangeInfo(unb: Segment, refYear: number): Omit<InterchangeInfo, 'charset'> {
  const syntax = unb
    .element(0)
    .filter((c) => c !== '')
    .join(':');
  const info: Omit<InterchangeInfo, 'charset'> = {
    sender: unb.value(1),
    recipient: unb.value(2),
    controlRef: unb.value(4),
    syntax,
  };
  const date = unb.value(3, 0);
  const time = unb.value(3, 1);
  const preparedAt = parseEdiDate(`${date}${time}`, undefined, 'nearest', refYear);
  if (preparedAt) info.preparedAt = preparedAt;
  return info;
}
