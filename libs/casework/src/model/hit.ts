import { createHash } from 'node:crypto';

import {
  type DecisionMade,
  type FieldComparison,
  type HitFlight,
  type HitReason,
  type HitReasonField,
  type HitSummary,
  identityKey,
  type ListedFacts,
  type Outcome,
  OUTCOME_SEVERITY,
  type Reason,
} from '@paxscreen/contracts';
import { maskName } from '@paxscreen/privacy';

import { arrivalInstant, priorityOf } from './priority';

/** Who the hit is about, in full: shown only when a record is opened (audited). */
export type HitSubject = DecisionMade.Value['subject'];

/** A hit as casework keeps it (one row of `hits`): its summary, less the masked view, plus what is kept. */
export interface HitRecord extends Omit<HitSummary, 'traveller'> {
  identityKey: string;
  travellerId: string;
  subject: HitSubject;
  /** The referring reasons with their verdicts. */
  reasons: HitReason[];
  lastDecisionId: string;
  nearArrivalAlerted: boolean;
}

/** Outcomes that open a hit. */
export function refers(outcome: Outcome): boolean {
  return outcome === 'REFER' || outcome === 'NO_BOARD';
}

/** The departure date of a leg (YYYY-MM-DD), else its arrival date, else ''. */
function departureDate(flight: DecisionMade.Value['flight']): string {
  return (flight.departure.at ?? flight.arrival.at ?? '').slice(0, 10);
}

export function hitFlightOf(flight: DecisionMade.Value['flight']): HitFlight {
  return {
    carrier: flight.carrier,
    number: flight.number,
    departureDate: departureDate(flight),
    origin: flight.departure.port,
    destination: flight.arrival.port,
    ...(flight.arrival.at ? { arrivalAt: flight.arrival.at } : {}),
  };
}

/**
 * One hit per traveller and flight: the id is derived from the identity (identityKey) and the
 * flight (carrier, number, departure date), so every screening of that traveller on that flight
 * (each PNR push, API, iAPI, re-vets) and every replay of a decision lands on the same hit.
 */
export function hitIdOf(identity: string, flight: HitFlight): string {
  const material = `${identity}|${flight.carrier}|${flight.number.replace(/^0+(?=.)/, '')}|${flight.departureDate}`;
  return `H${createHash('sha256').update(material).digest('hex').slice(0, 24)}`;
}

export function reasonKeyOf(r: Pick<Reason, 'kind' | 'source'>): string {
  return `${r.kind}:${r.source.listId}:${r.source.entryId}`;
}

/** The fields an explanation compares, and the names a reason's `matchedFields` uses for them. */
const COMPARED_FIELDS: readonly { field: keyof ListedFacts; matched: string[] }[] = [
  { field: 'name', matched: ['name'] },
  { field: 'dateOfBirth', matched: ['dateOfBirth'] },
  { field: 'nationality', matched: ['nationality'] },
  { field: 'document', matched: ['document', 'documentNumber', 'documents', 'document.number'] },
];

/**
 * One compared field of a reason: the listed value and how it compares. A reason that carries its
 * entry's facts tells a field the entry lacks (NOT_LISTED) from one that differs; an older one (no
 * facts) knows the listed name only, and every field that did not agree reads DIFFERS.
 */
function fieldOf(r: Reason, { field, matched }: (typeof COMPARED_FIELDS)[number]): HitReasonField {
  const facts = r.source.entryFacts;
  const entry = facts ? facts[field] : field === 'name' ? r.label : undefined;
  const agrees = r.matchedFields.some((m) => matched.includes(m));
  const comparison: FieldComparison = agrees ? 'AGREES' : facts && !entry ? 'NOT_LISTED' : 'DIFFERS';
  return { field, ...(entry ? { entry } : {}), comparison, agrees };
}

/** The referring reasons of a decision (what an analyst must look at), side by side with their entries. */
export function hitReasonsOf(decision: DecisionMade.Value['decision']): HitReason[] {
  return decision.reasons
    .filter((r) => refers(r.action))
    .map((r) => ({
      reasonKey: reasonKeyOf(r),
      kind: r.kind,
      listId: r.source.listId,
      entryId: r.source.entryId,
      ...(r.source.listVersion ? { entryVersion: r.source.listVersion } : {}),
      score: r.score,
      action: r.action,
      explanation: r.explanation,
      fields: COMPARED_FIELDS.map((f) => fieldOf(r, f)),
    }));
}

/** Keeps the verdicts already given on reasons the new decision still has. */
function mergeReasons(previous: HitReason[], next: HitReason[]): HitReason[] {
  const verdicts = new Map(previous.map((r) => [`${r.reasonKey}|${r.entryVersion ?? ''}`, r.verdict]));
  return next.map((r) => {
    const verdict = verdicts.get(`${r.reasonKey}|${r.entryVersion ?? ''}`);
    return verdict ? { ...r, verdict } : r;
  });
}

export type AlertReason = 'HIT_OPENED' | 'HIT_NEAR_ARRIVAL' | 'REVET_RAISED';

export interface DecisionEffect {
  /** The hit after the decision (undefined: the decision opens nothing). */
  hit?: HitRecord;
  /** The hit's status changed by this decision: why (history line). */
  transition?: 'OPENED' | 'UPDATED' | 'REOPENED' | 'CLEARED_BY_SCREENING';
  alerts: AlertReason[];
}

export interface CaseworkPolicy {
  /** A hit whose flight arrives within this many hours raises HIT_NEAR_ARRIVAL. */
  alertWindowHours: number;
}

export function withinAlertWindow(
  hit: Pick<HitRecord, 'flight'>,
  now: Date,
  policy: CaseworkPolicy,
): boolean {
  const at = arrivalInstant(hit.flight.arrivalAt);
  if (!at) return false;
  const hours = (at.getTime() - now.getTime()) / 3_600_000;
  return hours > -1 && hours <= policy.alertWindowHours;
}

/**
 * What one decision does to casework (pure; the store applies it once per decision id):
 * - a REFER / NO_BOARD with no hit opens one (NEW), and says HIT_OPENED, HIT_NEAR_ARRIVAL when the
 *   flight arrives within the alert window, REVET_RAISED when it supersedes an earlier decision;
 * - a later decision updates the hit's outcome, reasons (verdicts kept), score and priority; a
 *   re-vet that raises the outcome says REVET_RAISED;
 * - a decided or closed hit reopens (NEW) only when a referring reason without a verdict appears
 *   (a new list entry, a new entry version); otherwise it keeps its status;
 * - a decision that no longer refers closes a NEW hit nobody works on (cleared by screening).
 */
export function applyDecision(
  existing: HitRecord | undefined,
  event: DecisionMade.Value,
  now: Date,
  policy: CaseworkPolicy,
): DecisionEffect {
  const { decision } = event;
  const outcome = decision.outcome;
  const flight = hitFlightOf(event.flight);
  const reasons = hitReasonsOf(decision);
  const score = Math.max(0, ...reasons.map((r) => r.score));
  const priority = priorityOf(outcome, score, arrivalInstant(flight.arrivalAt), now);
  const at = now.toISOString();
  const lists = (kind: 'list' | 'rule') =>
    [
      ...new Set(reasons.filter((r) => (r.kind === 'RULE') === (kind === 'rule')).map((r) => r.listId)),
    ].sort();
  const ruleIds = [...new Set(reasons.filter((r) => r.kind === 'RULE').map((r) => r.entryId))].sort();

  if (!existing) {
    if (!refers(outcome)) return { alerts: [] };
    const identity = identityKey(event.subject);
    const hit: HitRecord = {
      hitId: hitIdOf(identity, flight),
      identityKey: identity,
      travellerId: decision.travellerId,
      status: 'NEW',
      priority,
      outcome,
      score,
      flight,
      port: flight.destination,
      listIds: lists('list'),
      ruleIds,
      version: 1,
      subject: event.subject,
      reasons,
      lastDecisionId: decision.decisionId,
      nearArrivalAlerted: false,
      openedAt: at,
      updatedAt: at,
    };
    const alerts: AlertReason[] = ['HIT_OPENED'];
    if (decision.supersedes) alerts.push('REVET_RAISED');
    if (withinAlertWindow(hit, now, policy)) {
      alerts.push('HIT_NEAR_ARRIVAL');
      hit.nearArrivalAlerted = true;
    }
    return { hit, transition: 'OPENED', alerts };
  }

  const merged = refers(outcome) ? mergeReasons(existing.reasons, reasons) : existing.reasons;
  const next: HitRecord = {
    ...existing,
    travellerId: decision.travellerId,
    outcome,
    score: refers(outcome) ? score : existing.score,
    priority,
    flight,
    listIds: refers(outcome)
      ? [...new Set([...existing.listIds, ...lists('list')])].sort()
      : existing.listIds,
    ruleIds: refers(outcome) ? [...new Set([...existing.ruleIds, ...ruleIds])].sort() : existing.ruleIds,
    subject: event.subject,
    reasons: merged,
    lastDecisionId: decision.decisionId,
    version: existing.version + 1,
    updatedAt: at,
  };
  const alerts: AlertReason[] = [];
  let transition: DecisionEffect['transition'] = 'UPDATED';
  if (decision.supersedes && OUTCOME_SEVERITY[outcome] > OUTCOME_SEVERITY[existing.outcome])
    alerts.push('REVET_RAISED');
  const settled = existing.status === 'DECIDED' || existing.status === 'CLOSED';
  if (settled && refers(outcome) && merged.some((r) => !r.verdict)) {
    next.status = 'NEW';
    delete next.claimedBy;
    next.nearArrivalAlerted = false;
    transition = 'REOPENED';
    alerts.push('HIT_OPENED');
  } else if (existing.status === 'NEW' && !refers(outcome)) {
    next.status = 'CLOSED';
    transition = 'CLEARED_BY_SCREENING';
  }
  if (next.status === 'NEW' || next.status === 'IN_REVIEW') {
    if (!next.nearArrivalAlerted && withinAlertWindow(next, now, policy)) {
      alerts.push('HIT_NEAR_ARRIVAL');
      next.nearArrivalAlerted = true;
    }
  }
  return { hit: next, transition, alerts };
}

/** `KOWALSKI ANNA` → `K******* A***`; nationality and birth year only. */
export function maskedTraveller(subject: HitSubject): HitSummary['traveller'] {
  return {
    maskedName: maskName(`${subject.surname} ${subject.givenNames}`.trim()),
    ...(subject.nationality ? { nationality: subject.nationality } : {}),
    ...(subject.dateOfBirth ? { birthYear: subject.dateOfBirth.slice(0, 4) } : {}),
  };
}

export function summaryOf(hit: HitRecord): HitSummary {
  return {
    hitId: hit.hitId,
    status: hit.status,
    priority: hit.priority,
    outcome: hit.outcome,
    score: hit.score,
    flight: hit.flight,
    port: hit.port,
    listIds: hit.listIds,
    ruleIds: hit.ruleIds,
    ...(hit.claimedBy ? { claimedBy: hit.claimedBy } : {}),
    version: hit.version,
    traveller: maskedTraveller(hit.subject),
    openedAt: hit.openedAt,
    updatedAt: hit.updatedAt,
  };
}
