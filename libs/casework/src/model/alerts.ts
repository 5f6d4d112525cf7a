import {
  type Alert,
  Disposition,
  documentKey,
  envelope,
  type HitReason,
  type Lookout,
  newEventId,
} from '@paxscreen/contracts';

import { type HitRecord, maskedTraveller } from './hit';
import { arrivalInstant } from './priority';

/** "REFER on QF1 arriving SYD in 3 h, list UN": outcome, flight, port, lists; never personal data. */
export function alertSummary(kind: Alert.HitAlertKind, hit: HitRecord, outcome: string, now: Date): string {
  const flight = `${hit.flight.carrier}${hit.flight.number.replace(/^0+(?=.)/, '')}`;
  const at = arrivalInstant(hit.flight.arrivalAt);
  const hours = at ? Math.round((at.getTime() - now.getTime()) / 3_600_000) : undefined;
  const when = hours === undefined ? '' : hours >= 0 ? ` in ${hours} h` : ` ${-hours} h ago`;
  const lists = [...hit.listIds, ...hit.ruleIds.map((r) => `rule ${r}`)];
  const what = lists.length ? `, ${lists.length === 1 ? 'list' : 'lists'} ${lists.join(', ')}` : '';
  const lead: Record<Alert.HitAlertKind, string> = {
    HIT_OPENED: `${outcome} on ${flight} arriving ${hit.port}${when}`,
    HIT_NEAR_ARRIVAL: `${outcome} on ${flight} arriving ${hit.port}${when}`,
    REVET_RAISED: `re-vet raised to ${outcome} on ${flight} arriving ${hit.port}${when}`,
    LOOKOUT_ENCOUNTER: `lookout encounter ${outcome} on ${flight} at ${hit.port}`,
  };
  return `${lead[kind]}${what}`;
}

export function alertOf(
  kind: Alert.HitAlertKind,
  hit: HitRecord,
  now: Date,
  outcome: string = hit.outcome,
): Alert.Value {
  return {
    ...envelope(hit.hitId, undefined, now),
    alertId: newEventId(),
    kind,
    hitId: hit.hitId,
    port: hit.port,
    listIds: [...hit.listIds],
    flight: {
      carrier: hit.flight.carrier,
      number: hit.flight.number,
      departureDate: hit.flight.departureDate,
      ...(hit.flight.arrivalAt ? { arrivalAt: hit.flight.arrivalAt } : {}),
    },
    outcome,
    priority: hit.priority,
    createdAt: now.toISOString(),
    summary: alertSummary(kind, hit, outcome, now),
  };
}

/** The remembered-disposition event of one FALSE_POSITIVE reason (published on Topic.Dispositions). */
export function dispositionEventOf(
  hit: HitRecord,
  reason: HitReason,
  dispositionId: string,
  analyst: string,
  now: Date,
): { key: string; value: Disposition.Value } {
  return {
    key: Disposition.dispositionKey(hit.identityKey, reason.listId, reason.entryId),
    value: {
      ...envelope(hit.hitId, undefined, now),
      dispositionId,
      identityKey: hit.identityKey,
      listId: reason.listId,
      entryId: reason.entryId,
      entryVersion: reason.entryVersion ?? '',
      verdict: 'FALSE_POSITIVE',
      analyst,
      decidedAt: now.toISOString(),
    },
  };
}

/** A lookout for the hit's arrival port, keyed by the traveller's documents for the port look-up. */
export function lookoutOf(
  hit: HitRecord,
  lookoutId: string,
  reason: string,
  createdBy: string,
  now: Date,
): Lookout {
  return {
    lookoutId,
    hitId: hit.hitId,
    port: hit.port,
    flight: hit.flight,
    status: 'OPEN',
    traveller: maskedTraveller(hit.subject),
    documentKeys: hit.subject.documents.map((d) => documentKey(d.issuer, d.number)),
    reason,
    createdBy,
    createdAt: now.toISOString(),
  };
}
