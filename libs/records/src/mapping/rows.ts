import { DeadLetter } from '@paxscreen/contracts';
import type { Audit, DecisionMade, ListVersion, ManifestParsed, TravellerParsed } from '@paxscreen/contracts';

import type {
  AuditRow,
  DeadLetterRow,
  DecisionRow,
  FindingRow,
  ListVersionRow,
  ManifestRow,
  TravellerRow,
} from '../schema';
import { documentKeys, flightKeyDate, travelDate } from './keys';
import { nameSearchText, nameSkeleton } from './names';

const iso = (epochMs: number | undefined) =>
  epochMs === undefined || !Number.isFinite(epochMs) ? null : new Date(epochMs).toISOString();

/** A traveller event → its row (API data; PNR extras other than the locator are not copied). */
export function travellerRow(e: TravellerParsed.Value): TravellerRow {
  const t = e.traveller;
  return {
    event_id: e.eventId,
    travel_date: travelDate(t.flight, e.occurredAt),
    traveller_id: t.travellerId,
    manifest_id: e.manifestId,
    manifest_version: e.manifestVersion,
    message_type: e.messageType,
    carrier: t.flight.carrier,
    flight_number: t.flight.number,
    departure_port: t.flight.departure.port,
    arrival_port: t.flight.arrival.port,
    departure_at: t.flight.departure.at ?? null,
    arrival_at: t.flight.arrival.at ?? null,
    role: t.role,
    surname: t.surname,
    given_names: t.givenNames,
    name_search: nameSearchText(t.givenNames, t.surname),
    name_skeleton: nameSkeleton(t.givenNames, t.surname),
    date_of_birth: t.dateOfBirth ?? null,
    nationality: t.nationality ?? null,
    document_keys: documentKeys(t.documents),
    documents: JSON.stringify(t.documents),
    pnr_locator: t.pnr?.locator ?? null,
    findings: t.findings.length,
    correlation_id: e.correlationId,
    occurred_at: e.occurredAt,
  };
}

/** A decision event → its row; `supersedes` carries the re-vetting chain. */
export function decisionRow(e: DecisionMade.Value): DecisionRow {
  const d = e.decision;
  return {
    decision_id: d.decisionId,
    travel_date: travelDate(e.flight, e.occurredAt),
    event_id: e.eventId,
    traveller_id: d.travellerId,
    manifest_id: e.manifestId,
    correlation_id: e.correlationId,
    carrier: e.flight.carrier,
    flight_number: e.flight.number,
    departure_port: e.flight.departure.port,
    arrival_port: e.flight.arrival.port,
    departure_at: e.flight.departure.at ?? null,
    outcome: d.outcome,
    supersedes: d.supersedes ?? null,
    reasons: JSON.stringify(d.reasons),
    list_versions: JSON.stringify(d.listVersions),
    surname: e.subject.surname,
    given_names: e.subject.givenNames,
    name_search: nameSearchText(e.subject.givenNames, e.subject.surname),
    name_skeleton: nameSkeleton(e.subject.givenNames, e.subject.surname),
    date_of_birth: e.subject.dateOfBirth ?? null,
    nationality: e.subject.nationality ?? null,
    document_keys: documentKeys(e.subject.documents),
    decided_at: iso(d.timings.decidedAt) ?? e.occurredAt,
    received_at: iso(d.timings.receivedAt),
    occurred_at: e.occurredAt,
    event: JSON.stringify(e),
    traveller_status: e.travellerStatus?.state ?? null,
    traveller_status_at: e.travellerStatus?.at ?? null,
  };
}

/** A manifest summary → its row and one row per data-quality finding. */
export function manifestRows(e: ManifestParsed.Value): { manifest: ManifestRow; findings: FindingRow[] } {
  return {
    manifest: {
      event_id: e.eventId,
      manifest_id: e.manifestId,
      manifest_version: e.manifestVersion,
      message_type: e.messageType,
      message_version: e.report.version,
      carrier: e.carrier,
      flight_number: e.flightNumber,
      flight_key: e.flightKey,
      departure_date: flightKeyDate(e.flightKey),
      travellers: e.report.travellers,
      errors: e.report.errors,
      warnings: e.report.warnings,
      correlation_id: e.correlationId,
      occurred_at: e.occurredAt,
    },
    findings: e.report.findings.map((f, position) => ({
      manifest_event_id: e.eventId,
      position,
      manifest_id: e.manifestId,
      correlation_id: e.correlationId,
      code: f.code,
      severity: f.severity,
      message: f.message,
      segment: f.segment ?? null,
      field: f.field ?? null,
      traveller_index: f.traveller ?? null,
    })),
  };
}

export function deadLetterRow(e: DeadLetter.Value): DeadLetterRow {
  return {
    event_id: e.eventId,
    stage: e.stage,
    code: e.code,
    message: e.message,
    source_topic: e.sourceTopic,
    source_partition: e.partition ?? null,
    source_offset: e.offset ?? null,
    record_key: e.key ?? null,
    payload: Buffer.from(e.payloadBase64, 'base64'),
    correlation_id: e.correlationId,
    occurred_at: e.occurredAt,
    dead_letter_id: DeadLetter.deadLetterIdOf(e),
    part: e.payload?.part ?? 1,
    parts: e.payload?.parts ?? 1,
    payload_length: e.payload?.bytes ?? null,
    payload_sha256: e.payload?.sha256 ?? null,
    payload_reference: e.payloadReference ?? null,
  };
}

/**
 * A record on the dead-letter topic that is not a valid dead letter itself: kept as it is (never
 * dead-lettered again, which would loop), under an id made from where it was read.
 */
export function unreadableDeadLetterRow(
  where: { topic: string; partition: number; offset: string; key: string | null },
  bytes: Buffer,
  reason: string,
  receivedAt: number,
): DeadLetterRow {
  return {
    event_id: `${where.topic}/${where.partition}/${where.offset}`,
    stage: 'records',
    code: 'INVALID_DEAD_LETTER',
    message: reason,
    source_topic: where.topic,
    source_partition: where.partition,
    source_offset: where.offset,
    record_key: where.key,
    payload: bytes,
    correlation_id: `${where.topic}/${where.partition}/${where.offset}`,
    occurred_at: new Date(receivedAt).toISOString(),
    dead_letter_id: `${where.topic}/${where.partition}/${where.offset}`,
    part: 1,
    parts: 1,
    payload_length: bytes.length,
    payload_sha256: null,
    payload_reference: null,
  };
}

export function auditRow(e: Audit.Value): AuditRow {
  return {
    event_id: e.eventId,
    occurred_on: e.occurredAt.slice(0, 10),
    occurred_at: e.occurredAt,
    action: e.action,
    actor: e.actor,
    role: e.role,
    target: e.target,
    outcome: e.outcome,
    details: e.details ? JSON.stringify(e.details) : null,
    correlation_id: e.correlationId,
  };
}

export function listVersionRow(e: ListVersion.Value): ListVersionRow {
  return {
    event_id: e.eventId,
    list_id: e.listId,
    kind: e.kind,
    version: e.version,
    format: e.format,
    imported_at: e.importedAt,
    entries: e.entries,
    diff: JSON.stringify(e.diff),
    findings: e.findings,
    digest: e.digest ?? null,
  };
}
