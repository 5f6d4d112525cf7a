import type { HitFlight, HitReason, HitStatus, Lookout, Outcome } from '@paxscreen/contracts';

import type { HitRecord, HitSubject } from '../model/hit';
import type { HitsTable } from '../schema';

type HitRow = {
  [K in keyof HitsTable]: HitsTable[K] extends import('kysely').ColumnType<infer S, unknown, unknown>
    ? S
    : HitsTable[K];
};

export function hitFromRow(row: HitRow): HitRecord {
  const flight: HitFlight = {
    carrier: row.carrier,
    number: row.flight_number,
    departureDate: row.departure_date,
    origin: row.origin,
    destination: row.destination,
    ...(row.arrival_at ? { arrivalAt: row.arrival_at } : {}),
  };
  return {
    hitId: row.hit_id,
    identityKey: row.identity_key,
    travellerId: row.traveller_id,
    status: row.status as HitStatus,
    priority: row.priority,
    outcome: row.outcome as Outcome,
    score: row.score,
    flight,
    port: row.port,
    listIds: row.list_ids,
    ruleIds: row.rule_ids,
    ...(row.claimed_by ? { claimedBy: row.claimed_by } : {}),
    version: row.version,
    subject: row.subject as HitSubject,
    reasons: row.reasons as HitReason[],
    lastDecisionId: row.last_decision_id,
    nearArrivalAlerted: row.near_arrival_alerted,
    openedAt: new Date(row.opened_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function hitToRow(hit: HitRecord) {
  return {
    hit_id: hit.hitId,
    identity_key: hit.identityKey,
    traveller_id: hit.travellerId,
    status: hit.status,
    priority: hit.priority,
    outcome: hit.outcome,
    score: hit.score,
    carrier: hit.flight.carrier,
    flight_number: hit.flight.number,
    departure_date: hit.flight.departureDate,
    origin: hit.flight.origin,
    destination: hit.flight.destination,
    arrival_at: hit.flight.arrivalAt ?? null,
    port: hit.port,
    list_ids: hit.listIds,
    rule_ids: hit.ruleIds,
    claimed_by: hit.claimedBy ?? null,
    version: hit.version,
    subject: JSON.stringify(hit.subject),
    reasons: JSON.stringify(hit.reasons),
    last_decision_id: hit.lastDecisionId,
    near_arrival_alerted: hit.nearArrivalAlerted,
    opened_at: hit.openedAt,
    updated_at: hit.updatedAt,
  };
}

export function lookoutFromRow(row: { lookout: unknown }): Lookout {
  return row.lookout as Lookout;
}
