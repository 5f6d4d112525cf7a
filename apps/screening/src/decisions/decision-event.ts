import { createHash } from 'node:crypto';

import { Decision, DecisionMade, envelope, Traveller, type TravellerParsed } from '@paxscreen/contracts';
import { childTraceparent } from '@paxscreen/observability';
import type { HotPathEntry, TravellerSnapshot } from '@paxscreen/redis';
import { subjectOf } from '@paxscreen/screening';

/** A decision id derived from the traveller event it answers: a redelivered event gets the same id. */
export function decisionIdFor(travellerEventId: string): string {
  const h = createHash('sha256').update(`decision:${travellerEventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function decisionEvent(
  traveller: Traveller,
  decision: Decision,
  meta: { manifestId: string; correlationId: string; traceparent?: string },
): DecisionMade.Value {
  return {
    ...envelope(meta.correlationId, childTraceparent(meta.traceparent)),
    manifestId: meta.manifestId,
    flight: traveller.flight,
    subject: subjectOf(traveller),
    decision,
  };
}

export function hotPathEntry(e: DecisionMade.Value): HotPathEntry {
  return {
    manifestId: e.manifestId,
    flight: e.flight,
    subject: e.subject,
    decision: e.decision,
    occurredAt: e.occurredAt,
    ...(e.travellerStatus ? { travellerStatus: e.travellerStatus } : {}),
  };
}

/** Epoch ms of the reported flight's arrival (local time read as UTC: a ± few hours is fine for windows). */
/** What re-vetting keeps of a traveller event read from `partition` of the travellers topic. */
export function travellerSnapshot(
  event: TravellerParsed.Value,
  partition: number,
  now: number,
): TravellerSnapshot {
  return {
    traveller: event.traveller,
    manifestId: event.manifestId,
    correlationId: event.correlationId,
    partition,
    arrivesAt: arrivalEpoch(event.traveller, now),
  };
}

export function arrivalEpoch(traveller: Traveller, fallback: number): number {
  const at = traveller.flight?.arrival?.at ?? traveller.flight?.departure?.at;
  const ms = at
    ? Date.parse(at.length === 10 ? `${at}T00:00:00Z` : `${at}${/[zZ]|[+-]\d\d:\d\d$/.test(at) ? '' : 'Z'}`)
    : NaN;
  return Number.isNaN(ms) ? fallback : ms;
}
