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

export const ALERT_KINDS = ['HIT_NEAR_ARRIVAL', 'REVET_RAISED', 'LOOKOUT_ENCOUNTER', 'HIT_OPENED'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The flight an alert is about (no traveller data). */
export class AlertFlight {
  @IsString() @MaxLength(3) carrier!: string;
  @IsString() @MaxLength(8) number!: string;
  /** YYYY-MM-DD local departure date. */
  @IsString() departureDate!: string;
  /** Local arrival date-time as the carrier reported it, when known. */
  @IsOptional() @IsString() arrivalAt?: string;
}

/**
 * Something staff subscribed by port or by list must hear about now (topic `Topic.Alerts`, key
 * hitId): delivered live to the workbench, by signed webhook and by e-mail. It carries no personal
 * data: `summary` names the outcome, flight, port and lists only.
 */
export class Value extends EventEnvelope {
  @IsString() alertId!: string;
  @IsIn(ALERT_KINDS) kind!: AlertKind;
  @IsString() hitId!: string;
  /** Arrival port (IATA / ICAO code as the decisions carry it). */
  @IsString() @MaxLength(5) port!: string;
  @IsArray() @IsString({ each: true }) listIds!: string[];
  @IsDefined() @ValidateNested() @Type(() => AlertFlight) flight!: AlertFlight;
  /** The hit's screening outcome (REFER / NO_BOARD), or the encounter result for LOOKOUT_ENCOUNTER. */
  @IsString() outcome!: string;
  /** The hit's priority, 0 (lowest) to 100 (most urgent). */
  @IsInt() @Min(0) @Max(100) priority!: number;
  @IsISO8601() createdAt!: string;
  /** e.g. "REFER on QF1 arriving SYD in 3 h, list UN": never a name, document or birth date. */
  @IsString() @MaxLength(500) summary!: string;
}
