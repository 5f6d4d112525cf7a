import type { Finding, Traveller } from '@paxscreen/contracts';

import { EdifactError } from '../errors/edifact.error';
import { finding } from '../quality/finding';
import { buildReport } from '../quality/report';
import { MAX_PARTS, type ParsedMessage } from '../types';
import { travellerIdOf } from './manifest-id';

/**
 * Assembles the parts of a multi-part message (same UNH common access reference, parts numbered
 * from 1, the last marked F) into one message. Parts may arrive in any order and twice (re-sends:
 * the later copy wins). A set with a gap or without its final part is still assembled, with an
 * INCOMPLETE_MULTIPART error naming the missing part numbers, so the caller decides whether to wait.
 * Pure: the parser app keeps parts (in Redis) and calls this when a part arrives.
 */
export function mergeParts(parts: ParsedMessage[]): ParsedMessage {
  if (parts.length === 0) throw new EdifactError('INVALID_PARTS', 'no parts to merge');
  const reference = parts[0].multipart?.reference;
  if (parts.some((p) => p.multipart?.reference !== reference || p.messageType !== parts[0].messageType)) {
    throw new EdifactError('INVALID_PARTS', 'parts belong to different messages (reference or type differ)');
  }
  if (reference === undefined) {
    if (parts.length === 1) return parts[0];
    throw new EdifactError('INVALID_PARTS', 'messages without a multi-part reference cannot be merged');
  }

  // Readers refuse larger part numbers; parts stored before that rule must not loop up to 2^53.
  if (parts.some((p) => !(p.multipart!.sequence >= 1 && p.multipart!.sequence <= MAX_PARTS)))
    throw new EdifactError('INVALID_PARTS', `part numbers are 1-${MAX_PARTS}`);
  const findings: Finding[] = [];
  const bySequence = new Map<number, ParsedMessage>();
  for (const part of parts) {
    const seq = part.multipart!.sequence;
    if (bySequence.has(seq))
      findings.push(
        finding('DUPLICATE_PART', `part ${seq} received more than once; the last copy is used`, {
          field: 'UNH',
        }),
      );
    bySequence.set(seq, part);
  }
  const ordered = [...bySequence.keys()].sort((a, b) => a - b).map((s) => bySequence.get(s)!);
  const last = ordered[ordered.length - 1].multipart!;
  const missing: number[] = [];
  for (let s = 1; s < last.sequence; s++) if (!bySequence.has(s)) missing.push(s);
  const complete = last.final && missing.length === 0;
  if (!complete) {
    const what = [
      ...(missing.length > 0 ? [`part(s) ${missing.join(', ')} missing`] : []),
      ...(last.final ? [] : ['no final part']),
    ].join('; ');
    findings.push(
      finding('INCOMPLETE_MULTIPART', `multi-part message is incomplete: ${what}`, { field: 'UNH' }),
    );
  }

  const head = ordered[0];
  const travellers: Traveller[] = [];
  const ids = new Set<string>();
  for (const part of ordered) {
    for (const f of part.report.findings) {
      if (f.traveller === undefined && f.code !== 'MULTIPART_PART') findings.push({ ...f });
    }
    for (const t of part.travellers) {
      const index = travellers.length;
      const copy: Traveller = { ...t, findings: t.findings.map((f) => ({ ...f, traveller: index })) };
      if (ids.has(copy.travellerId)) {
        let n = 2;
        while (ids.has(travellerIdOf(head.manifest.manifestId, `${t.travellerId}#${n}`))) n++;
        copy.travellerId = travellerIdOf(head.manifest.manifestId, `${t.travellerId}#${n}`);
        copy.findings.push(
          finding('DUPLICATE_TRAVELLER', 'same identity as a traveller in another part', {
            traveller: index,
          }),
        );
      }
      ids.add(copy.travellerId);
      travellers.push(copy);
    }
  }

  const merged: ParsedMessage = {
    messageType: head.messageType,
    version: head.version,
    manifest: head.manifest,
    travellers,
    report: buildReport(head.messageType, head.version, head.messageRef, travellers, findings),
    multipart: { reference, sequence: ordered.length, final: complete },
  };
  if (head.messageRef !== undefined) merged.messageRef = head.messageRef;
  return merged;
}
