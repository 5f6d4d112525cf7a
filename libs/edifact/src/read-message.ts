import type { Finding, TypeBEnvelope } from '@paxscreen/contracts';

import { EdifactError } from './errors/edifact.error';
import { EnvelopeSplitter, MessageHeader, MessageSink } from './interchange/envelope';
import { readJsonManifest } from './json/json-manifest.reader';
import { mergeParts } from './manifest/merge-parts';
import { paxlstReader } from './paxlst/paxlst.reader';
import { pnrgovReader } from './pnrgov/pnrgov.reader';
import { finding } from './quality/finding';
import { decodeBytes } from './syntax/charset';
import { readServiceString } from './syntax/delimiters';
import { tokenizeEach } from './syntax/tokenizer';
import { unwrapTypeB } from './syntax/type-b';
import { ParsedMessage, readContext, ReadContext, ReadOptions, ReadResult } from './types';

const READERS: Readonly<
  Record<string, (head: MessageHeader, ctx: ReadContext) => MessageSink<ParsedMessage>>
> = {
  PAXLST: paxlstReader,
  PNRGOV: pnrgovReader,
};
const OPEN_BRACE = 0x7b;
const HEADER_TAGS = ['UNB', 'UNG', 'UNH'];

/**
 * Reads a carrier message: EDIFACT (PAXLST, PNRGOV) or a JSON manifest, recognised from the bytes.
 * Recoverable problems become findings; only input with nothing readable throws an EdifactError
 * (NOT_EDIFACT, EDIFACT_SYNTAX, UNKNOWN_DELIMITERS, UNSUPPORTED_MESSAGE, INVALID_JSON_MANIFEST). A Type B envelope
 * (`syntax/type-b.ts`) is stripped first; its heading is returned as `typeB`.
 */
export function readMessage(input: Buffer, options: ReadOptions = {}): ReadResult {
  const ctx = readContext(options);
  const { body: bytes, typeB } = unwrapTypeB(input);
  if (firstNonBlank(bytes) === OPEN_BRACE) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return withTypeB({ messages: [readJsonManifest(text, ctx)], findings: [] }, typeB);
  }

  const decoded = decodeBytes(bytes);
  const svc = readServiceString(decoded.text);
  if (!HEADER_TAGS.some((tag) => decoded.text.startsWith(tag, svc.bodyStart))) {
    throw new EdifactError(
      'NOT_EDIFACT',
      'input is neither EDIFACT (UNA, UNB or UNH first) nor a JSON manifest',
    );
  }
  if (svc.unknown) {
    throw new EdifactError(
      'UNKNOWN_DELIMITERS',
      'no UNA and the service characters cannot be inferred from the UNB segment',
    );
  }
  const unsupported: Finding[] = [];
  const types = new Set<string>();
  let firstHeader: number | undefined;
  const splitter = new EnvelopeSplitter<ParsedMessage>(ctx.refYear, (head) => {
    types.add(head.type || '(none)');
    firstHeader ??= head.header.position;
    const reader = READERS[head.type];
    if (!reader) {
      unsupported.push(
        finding('UNSUPPORTED_MESSAGE_TYPE', 'message type is not PAXLST or PNRGOV; skipped', {
          segment: head.header.position,
          field: 'UNH',
        }),
      );
    }
    return reader?.(head, ctx);
  });
  const tokenFindings = tokenizeEach(
    decoded.text,
    svc.bodyStart,
    svc.delimiters,
    (seg) => splitter.push(seg),
    decoded.codes,
  );
  const info = splitter.finish();
  const findings: Finding[] = [
    ...decoded.findings,
    ...svc.findings,
    ...tokenFindings,
    ...splitter.findings,
    ...unsupported,
  ];
  if (splitter.messageCount === 0) {
    throw new EdifactError('EDIFACT_SYNTAX', 'no UNH message header found', splitter.firstPosition);
  }
  const messages = splitter.results;
  if (messages.length === 0) {
    throw new EdifactError(
      'UNSUPPORTED_MESSAGE',
      `message type ${[...types].join(', ')} is not PAXLST or PNRGOV`,
      firstHeader,
    );
  }

  const result: ReadResult = {
    messages: options.mergeParts === false ? messages : mergeCompleteSets(messages),
    findings,
  };
  if (info) result.interchange = { ...info, charset: decoded.charset };
  return withTypeB(result, typeB);
}

function withTypeB(result: ReadResult, typeB: TypeBEnvelope | undefined): ReadResult {
  if (!typeB) return result;
  result.typeB = typeB;
  result.findings.unshift(
    finding('TYPE_B_ENVELOPE', `Type B envelope stripped (${typeB.addresses.length} address(es))`, {
      field: 'TYPE_B',
    }),
  );
  return result;
}

function firstNonBlank(bytes: Buffer): number | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf)
      continue;
    return b;
  }
  return undefined;
}

/**
 * Complete multi-part sets inside one interchange are assembled; incomplete ones stay as parts.
 * Linear in the number of messages: completeness is decided once per set (an interchange may
 * repeat one set's UNH thousands of times).
 */
function mergeCompleteSets(messages: ParsedMessage[]): ParsedMessage[] {
  const sets = new Map<string, ParsedMessage[]>();
  for (const m of messages) {
    if (!m.multipart) continue;
    const key = `${m.messageType}\u0000${m.multipart.reference}`;
    const set = sets.get(key);
    if (set) set.push(m);
    else sets.set(key, [m]);
  }
  const completeSets = new Set<string>();
  for (const [key, parts] of sets) if (parts.length > 1 && isComplete(parts)) completeSets.add(key);
  const out: ParsedMessage[] = [];
  const done = new Set<string>();
  for (const m of messages) {
    if (!m.multipart) {
      out.push(m);
      continue;
    }
    const key = `${m.messageType}\u0000${m.multipart.reference}`;
    if (done.has(key)) continue;
    if (completeSets.has(key)) {
      out.push(mergeParts(sets.get(key)!));
      done.add(key);
    } else out.push(m);
  }
  return out;
}

function isComplete(parts: ParsedMessage[]): boolean {
  const sequences = new Set(parts.map((p) => p.multipart!.sequence));
  let last = 0;
  for (const s of sequences) last = Math.max(last, s);
  return parts.some((p) => p.multipart!.final && p.multipart!.sequence === last) && sequences.size === last;
}
