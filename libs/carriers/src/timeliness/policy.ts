import type { CarrierEvent } from '@paxscreen/contracts';

type Obligation = CarrierEvent.Obligation;

/**
 * When a carrier's messages are due, relative to a flight's scheduled departure (configuration;
 * apps/carriers reads it from the environment).
 *
 * PNR push offsets default to T-72 h, T-24 h, T-2 h and T-0: the practice under the EU PNR
 * Directive 2016/681, Art. 8(3) (pushes 24 to 48 hours before the scheduled departure and
 * immediately after flight closure), as most EU passenger information units implement it, with the
 * additional T-72 h and T-2 h pushes many of them ask for. API (Directive 2004/82/EC) is due by the
 * end of check-in; the closed-out list at wheels-up.
 */
export interface TimelinessPolicy {
  /** PAXLST passenger list due this many minutes before departure. */
  apiDueMinutes: number;
  /** PAXLST crew list due this many minutes before departure. */
  crewDueMinutes: number;
  /** A passenger list received from this many minutes before departure on counts as the closed-out one. */
  closeoutOpensMinutes: number;
  /** The closed-out list is due this many minutes after departure (wheels-up). */
  closeoutGraceMinutes: number;
  /** PNR pushes, hours before departure (each one of 72, 48, 24, 12, 6, 2, 1, 0). */
  pnrOffsetsHours: number[];
  /** A push counts for its offset from this many minutes before it, and is due this long after it. */
  pnrWindowMinutes: number;
}

export const DEFAULT_POLICY: TimelinessPolicy = {
  apiDueMinutes: 60,
  crewDueMinutes: 60,
  closeoutOpensMinutes: 30,
  closeoutGraceMinutes: 30,
  pnrOffsetsHours: [72, 24, 2, 0],
  pnrWindowMinutes: 60,
};

export const PNR_OFFSETS: readonly number[] = [72, 48, 24, 12, 6, 2, 1, 0];

export function pnrObligation(hours: number): Obligation {
  if (!PNR_OFFSETS.includes(hours)) throw new Error(`no PNR obligation for T-${hours} h`);
  return `PNR_T${hours}` as Obligation;
}

/** The policy's offsets, checked and ordered from the earliest push (largest offset) to T-0. */
export function checkedPolicy(policy: TimelinessPolicy): TimelinessPolicy {
  const offsets = [...new Set(policy.pnrOffsetsHours)].sort((a, b) => b - a);
  offsets.forEach(pnrObligation);
  return { ...policy, pnrOffsetsHours: offsets };
}
