import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { EventEnvelope } from '../envelope';

/** Kinds casework raises about hits. Values are part of the wire format and of stored subscriptions: add, never rename. */
export const HIT_ALERT_KINDS = [
  'HIT_NEAR_ARRIVAL',
  'REVET_RAISED',
  'LOOKOUT_ENCOUNTER',
  'HIT_OPENED',
] as const;
export type HitAlertKind = (typeof HIT_ALERT_KINDS)[number];
/** Kinds the workbench relays from carrier timeliness events (`Topic.CarrierEvents`). */
export const CARRIER_ALERT_KINDS = ['CARRIER_MISSING', 'CARRIER_LATE'] as const;
export const ALERT_KINDS = [...HIT_ALERT_KINDS, ...CARRIER_ALERT_KINDS] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The flight an alert is about (no traveller data). */
export class AlertFlight {
  @IsString() @MaxLength(3) carrier!: string;
  @IsString() @MaxLength(8) number!: string;
  /** YYYY-MM-DD local departure date. */
  @IsString() departureDate!: string;
  /** Local arrival date-time as the carrier reported it, when known. */
  @IsOptional() @IsString() arrivalAt?: string;
  /** Departure and arrival ports as the source had them (carrier alerts; hits name `port` only). */
  @IsOptional() @IsString() @MaxLength(5) origin?: string;
  @IsOptional() @IsString() @MaxLength(5) destination?: string;
}

/**
 * Something staff subscribed by port, list or kind must hear about now (topic `Topic.Alerts`, key
 * hitId, or incidentId for a carrier alert): delivered live to the workbench, by signed webhook and
 * by e-mail. It carries no personal data: `summary` names the outcome, flight, port and lists only.
 */
export class Value extends EventEnvelope {
  @IsString() alertId!: string;
  @IsIn(ALERT_KINDS) kind!: AlertKind;
  /** The casework hit (hit alerts); absent on carrier alerts. */
  @IsOptional() @IsString() hitId?: string;
  /** The carrier incident (`CarrierEvent.Value.incidentId`, CARRIER_* alerts). */
  @IsOptional() @IsString() incidentId?: string;
  /**
   * The port the alert is for (IATA / ICAO code as the source carries it): a hit's arrival port; for
   * a carrier alert the flight's destination, else its origin ('' when the schedule had neither).
   */
  @IsString() @MaxLength(5) port!: string;
  @IsArray() @IsString({ each: true }) listIds!: string[];
  @IsDefined() @ValidateNested() @Type(() => AlertFlight) flight!: AlertFlight;
  /**
   * The hit's screening outcome (REFER / NO_BOARD), the encounter result for LOOKOUT_ENCOUNTER, or
   * the carrier obligation (API_PASSENGERS, PNR_T24, ...) for CARRIER_*.
   */
  @IsString() outcome!: string;
  /** The hit's priority, 0 (lowest) to 100 (most urgent). */
  @IsInt() @Min(0) @Max(100) priority!: number;
  @IsISO8601() createdAt!: string;
  /** e.g. "REFER on QF1 arriving SYD in 3 h, list UN": never a name, document or birth date. */
  @IsString() @MaxLength(500) summary!: string;
}
