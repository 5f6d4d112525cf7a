import type { CarrierEvent } from '@paxscreen/contracts';

import { pnrObligation, TimelinessPolicy } from './policy';

type Obligation = CarrierEvent.Obligation;

/** What a carrier sent for a flight (a manifest version), as far as timeliness cares. */
export const MESSAGE_KINDS = ['PASSENGERS', 'CREW', 'PNR'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Arrival {
  kind: MessageKind;
  /** Epoch ms the gateway accepted it. */
  receivedAt: number;
  receiptId: string;
}

export type ObligationStatus = 'PENDING' | 'ON_TIME' | 'LATE' | 'MISSING';

export interface ObligationState {
  obligation: Obligation;
  /** Epoch ms. */
  dueAt: number;
  status: ObligationStatus;
  /** The arrival that met it (ON_TIME, LATE). */
  metBy?: Arrival;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Rule {
  obligation: Obligation;
  dueAt: number;
  kind: MessageKind;
  /** Arrivals from (inclusive) … until (exclusive) count for it. */
  opens: number;
  closes: number;
}

function rules(departureAt: number, policy: TimelinessPolicy): Rule[] {
  const window = policy.pnrWindowMinutes * MINUTE;
  const offsets = policy.pnrOffsetsHours;
  return [
    {
      obligation: 'API_PASSENGERS',
      kind: 'PASSENGERS',
      dueAt: departureAt - policy.apiDueMinutes * MINUTE,
      opens: -Infinity,
      closes: Infinity,
    },
    {
      obligation: 'API_CREW',
      kind: 'CREW',
      dueAt: departureAt - policy.crewDueMinutes * MINUTE,
      opens: -Infinity,
      closes: Infinity,
    },
    {
      obligation: 'API_CLOSEOUT',
      kind: 'PASSENGERS',
      dueAt: departureAt + policy.closeoutGraceMinutes * MINUTE,
      opens: departureAt - policy.closeoutOpensMinutes * MINUTE,
      closes: Infinity,
    },
    // A push counts for the offset whose window it falls in: from `window` before the offset until
    // the next offset's window opens, so a late T-24 push is a late T-24 push, not an early T-2 one.
    ...offsets.map((hours, i): Rule => {
      const at = departureAt - hours * HOUR;
      const next = offsets[i + 1];
      return {
        obligation: pnrObligation(hours),
        kind: 'PNR',
        dueAt: at + window,
        opens: at - window,
        closes: next === undefined ? Infinity : departureAt - next * HOUR - window,
      };
    }),
  ];
}

/**
 * Where each obligation of a flight stands at `now`, from everything received for it (in any
 * order): met by the first arrival of its kind inside its window, on time when that arrival came
 * by the due time; MISSING when the due time has passed without one; else PENDING.
 */
export function resolveObligations(
  departureAt: number,
  arrivals: readonly Arrival[],
  policy: TimelinessPolicy,
  now: number,
): ObligationState[] {
  const ordered = [...arrivals].sort((a, b) => a.receivedAt - b.receivedAt);
  return rules(departureAt, policy).map((rule) => {
    const metBy = ordered.find(
      (a) => a.kind === rule.kind && a.receivedAt >= rule.opens && a.receivedAt < rule.closes,
    );
    if (metBy)
      return {
        obligation: rule.obligation,
        dueAt: rule.dueAt,
        status: metBy.receivedAt <= rule.dueAt ? 'ON_TIME' : 'LATE',
        metBy,
      };
    return {
      obligation: rule.obligation,
      dueAt: rule.dueAt,
      status: now > rule.dueAt ? 'MISSING' : 'PENDING',
    };
  });
}

/** An event to raise when an obligation changes status. */
export interface Transition {
  obligation: Obligation;
  kind: CarrierEvent.CarrierEventKind;
  state: CarrierEvent.CarrierEventState;
}

/**
 * The events a status change raises: PENDING → MISSING opens a MISSING incident; its message
 * arriving closes it (MISSING → ON_TIME when the message had come in time but was processed after
 * the due time, MISSING → LATE with a LATE event as well); PENDING → LATE raises LATE alone.
 * Anything else raises nothing (and a status never goes back).
 */
export function transitions(
  before: ObligationStatus,
  after: ObligationStatus,
  obligation: Obligation,
): Transition[] {
  if (before === after) return [];
  const missingOpen: Transition = { obligation, kind: 'MISSING', state: 'OPEN' };
  const missingClosed: Transition = { obligation, kind: 'MISSING', state: 'CLOSED' };
  const late: Transition = { obligation, kind: 'LATE', state: 'CLOSED' };
  if (before === 'PENDING' && after === 'MISSING') return [missingOpen];
  if (before === 'PENDING' && after === 'LATE') return [late];
  if (before === 'MISSING' && after === 'LATE') return [missingClosed, late];
  if (before === 'MISSING' && after === 'ON_TIME') return [missingClosed];
  return [];
}
