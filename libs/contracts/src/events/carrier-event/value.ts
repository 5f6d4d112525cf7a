import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

import { FULL_DATE_PATTERN } from '../../model/dates';
import { EventEnvelope } from '../envelope';

/**
 * What a carrier owes for one expected flight. Values are part of the wire format: add, never rename.
 * - API_PASSENGERS / API_CREW: the PAXLST passenger / crew list, due a configured time before departure;
 * - API_CLOSEOUT: the closed-out passenger list, sent around wheels-up;
 * - PNR_T72 … PNR_T0: the PNRGOV pushes at the configured offsets before departure (hours).
 */
export const OBLIGATIONS = [
  'API_PASSENGERS',
  'API_CREW',
  'API_CLOSEOUT',
  'PNR_T72',
  'PNR_T48',
  'PNR_T24',
  'PNR_T12',
  'PNR_T6',
  'PNR_T2',
  'PNR_T1',
  'PNR_T0',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/** MISSING: due and not received (opened at the due time); LATE: received after its due time. */
export const CARRIER_EVENT_KINDS = ['MISSING', 'LATE'] as const;
export type CarrierEventKind = (typeof CARRIER_EVENT_KINDS)[number];

/** A MISSING event is OPEN until the message arrives; a LATE one is CLOSED when raised (a fact). */
export const CARRIER_EVENT_STATES = ['OPEN', 'CLOSED'] as const;
export type CarrierEventState = (typeof CARRIER_EVENT_STATES)[number];

/**
 * A timeliness event about one carrier obligation for one flight (topic `Topic.CarrierEvents`,
 * keyed by flight key). Closing a MISSING event repeats its `incidentId` with state CLOSED.
 * No personal data: flights and receipts only.
 */
export class Value extends EventEnvelope {
  /** Stable across the OPEN and CLOSED events of one incident. */
  @IsString() incidentId!: string;
  @IsIn(CARRIER_EVENT_KINDS) kind!: CarrierEventKind;
  @IsIn(CARRIER_EVENT_STATES) state!: CarrierEventState;
  @IsIn(OBLIGATIONS) obligation!: Obligation;
  @IsString() @MaxLength(3) carrier!: string;
  /** Canonical flight number (four digits, optional suffix), e.g. `0123`. */
  @Matches(/^\d{4}[A-Z]?$/) flightNumber!: string;
  /** Local departure date, YYYY-MM-DD. */
  @Matches(FULL_DATE_PATTERN) departureDate!: string;
  @IsOptional() @IsString() @MaxLength(5) origin?: string;
  @IsOptional() @IsString() @MaxLength(5) destination?: string;
  @IsISO8601() departureAt!: string;
  @IsISO8601() dueAt!: string;
  /** When the message arrived (LATE, and a MISSING closed by its arrival). */
  @IsOptional() @IsISO8601() receivedAt?: string;
  /** The receipt of the message that closed or made the event. */
  @IsOptional() @IsString() receiptId?: string;
  @IsOptional() @IsInt() @Min(0) lateByMinutes?: number;
}
