import { IsIn, IsISO8601 } from 'class-validator';

/**
 * What a carrier reported after check-in: the traveller's booking was cancelled, or the traveller
 * was offloaded (checked in, not on board when the flight closed). Carried on the decision that
 * marks it (topic `Topic.Decisions`), so the hot path and the records both say so.
 */
export const TRAVELLER_STATUSES = ['CANCELLED', 'OFFLOADED'] as const;
export type TravellerStatusState = (typeof TRAVELLER_STATUSES)[number];

export class TravellerStatus {
  @IsIn(TRAVELLER_STATUSES) state!: TravellerStatusState;
  /** When paxscreen received the carrier's report (ISO 8601, UTC). */
  @IsISO8601() at!: string;
}
