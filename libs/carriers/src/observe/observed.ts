import { createHash } from 'node:crypto';

import { DeadLetter, FULL_DATE_PATTERN, Header, ManifestParsed } from '@paxscreen/contracts';

import {
  FindingCategory,
  fieldPattern,
  findingCategory,
  isDocumentFinding,
} from '../scorecard/finding-categories';
import { MESSAGE_KINDS, MessageKind } from '../timeliness/obligations';

/** One accepted manifest version, as carriers keeps it (no personal data: counts and codes). */
export interface ObservedMessage {
  manifestId: string;
  manifestVersion: number;
  eventId: string;
  receiptId: string;
  carrier: string;
  flightNumber: string;
  departureDate: string;
  kind: MessageKind;
  messageType: string;
  /** Epoch ms the gateway accepted the bytes. */
  receivedAt: number;
  travellers: number;
  errors: number;
  warnings: number;
  /** Travellers with at least one finding about their travel document. */
  badDocumentTravellers: number;
  /** Same hash, same manifest: a re-send of what was already sent (a duplicate). */
  contentHash: string;
  findings: { code: string; category: FindingCategory; field: string; count: number }[];
  origin?: string;
  destination?: string;
  /** Local departure time as the carrier sent it (no zone), when it did. */
  departureLocal?: string;
}

/** `<carrier><number>:<date>:<dir>:<kind>` (libs/edifact ManifestInfo.manifestId) → date and kind. */
export function manifestIdParts(manifestId: string): { departureDate?: string; kind?: MessageKind } {
  const parts = manifestId.split(':');
  const date = parts[1];
  const kind = parts[parts.length - 1] as MessageKind;
  return {
    ...(date && FULL_DATE_PATTERN.test(date) ? { departureDate: date } : {}),
    ...(MESSAGE_KINDS.includes(kind) ? { kind } : {}),
  };
}

function receivedAtOf(explicit: number | undefined, header: string | undefined, occurredAt: string): number {
  if (explicit !== undefined && Number.isFinite(explicit)) return explicit;
  const fromHeader = Number(header);
  return Number.isFinite(fromHeader) && fromHeader > 0 ? fromHeader : Date.parse(occurredAt);
}

/**
 * A manifest summary → what carriers keeps, or undefined when it cannot be tied to a flight day
 * (no departure date in the manifest id): such a message still counts nowhere it cannot be placed.
 */
export function observeManifest(
  e: ManifestParsed.Value,
  headers: Record<string, string>,
): ObservedMessage | undefined {
  const { departureDate, kind } = manifestIdParts(e.manifestId);
  if (!departureDate || !kind) return undefined;
  const findings = new Map<string, ObservedMessage['findings'][number]>();
  const badDocument = new Set<number>();
  for (const f of e.report.findings) {
    const field = fieldPattern(f.field);
    const key = `${f.code}|${field}`;
    const row = findings.get(key) ?? {
      code: f.code,
      category: findingCategory(f.code, f.field),
      field,
      count: 0,
    };
    row.count++;
    findings.set(key, row);
    if (f.traveller !== undefined && f.severity !== 'info' && isDocumentFinding(f.code, f.field))
      badDocument.add(f.traveller);
  }
  const contentHash = createHash('sha256')
    .update([...e.travellerIds].sort().join(','))
    .update(`|${e.report.errors}|${e.report.warnings}`)
    .digest('hex')
    .slice(0, 32);
  return {
    manifestId: e.manifestId,
    manifestVersion: e.manifestVersion,
    eventId: e.eventId,
    receiptId: headers[Header.ReceiptId] ?? e.correlationId,
    carrier: e.carrier,
    flightNumber: e.flightNumber,
    departureDate,
    kind,
    messageType: e.messageType,
    receivedAt: receivedAtOf(e.receivedAt, headers[Header.ReceivedAt], e.occurredAt),
    travellers: e.report.travellers,
    errors: e.report.errors,
    warnings: e.report.warnings,
    badDocumentTravellers: badDocument.size,
    contentHash,
    findings: [...findings.values()],
    ...(e.flight?.departure.port ? { origin: e.flight.departure.port } : {}),
    ...(e.flight?.arrival.port ? { destination: e.flight.arrival.port } : {}),
    ...(e.flight?.departure.at ? { departureLocal: e.flight.departure.at } : {}),
  };
}

/** A carrier message the gateway or the parser refused (a dead letter with the carrier's header). */
export interface ObservedRejection {
  eventId: string;
  carrier: string;
  code: string;
  stage: string;
  receiptId?: string;
  receivedAt: number;
}

const CARRIER_STAGES: ReadonlySet<string> = new Set(['gateway', 'parser']);

export function observeRejection(e: DeadLetter.Value): ObservedRejection | undefined {
  const carrier = e.headers[Header.Carrier];
  if (!carrier || !CARRIER_STAGES.has(e.stage)) return undefined;
  // One rejection per dead letter, not per part of a large one.
  if (e.payload && e.payload.part > 1) return undefined;
  const receiptId = e.headers[Header.ReceiptId];
  return {
    eventId: e.payload?.deadLetterId ?? e.eventId,
    carrier,
    code: e.code,
    stage: e.stage,
    ...(receiptId ? { receiptId } : {}),
    receivedAt: receivedAtOf(undefined, e.headers[Header.ReceivedAt], e.occurredAt),
  };
}
