import type { Outcome } from '@paxscreen/contracts';

/**
 * A hit's priority, 0 (lowest) to 100 (most urgent): what the outcome asks for, how strong the
 * match is, and how soon the traveller arrives. The weights are chosen so that any NO_BOARD
 * outranks any REFER of the same urgency, and a REFER landing within two hours outranks a
 * NO_BOARD three days out.
 */
export const OUTCOME_WEIGHT: Readonly<Record<Outcome, number>> = {
  NO_BOARD: 50,
  REFER: 25,
  EXPEDITE: 0,
  CLEAR: 0,
};
/** Points for a score of 1.0 (scores are 0..1). */
export const SCORE_WEIGHT = 20;
/** Points by hours left before arrival, tightest window first; past arrivals and unknown times get none. */
export const ARRIVAL_WEIGHTS: readonly { withinHours: number; points: number }[] = [
  { withinHours: 2, points: 30 },
  { withinHours: 6, points: 22 },
  { withinHours: 24, points: 12 },
  { withinHours: 72, points: 5 },
];
const HOUR_MS = 3_600_000;

export function priorityOf(outcome: Outcome, score: number, arrivalAt: Date | undefined, now: Date): number {
  const bounded = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  let points = OUTCOME_WEIGHT[outcome] + Math.round(bounded * SCORE_WEIGHT);
  if (arrivalAt) {
    const hours = (arrivalAt.getTime() - now.getTime()) / HOUR_MS;
    // A flight that landed more than an hour ago is no longer urgent: the traveller is through or held.
    if (hours > -1) points += ARRIVAL_WEIGHTS.find((w) => hours <= w.withinHours)?.points ?? 0;
  }
  return Math.min(100, Math.max(0, points));
}

/**
 * Reported arrival times are local times without a zone (as carriers send them); casework reads
 * them as UTC. An arrival an airport's offset away from UTC is therefore that many hours early or
 * late in the priority and the alert window (documented in docs/casework.md).
 */
export function arrivalInstant(at: string | undefined): Date | undefined {
  if (!at || !/^\d{4}-\d{2}-\d{2}/.test(at)) return undefined;
  const text = at.length === 10 ? `${at}T00:00` : at;
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
