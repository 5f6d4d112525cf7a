import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';

import { PARTIAL_DATE_PATTERN } from '../../model/dates';
import { Decision } from '../../model/decision';
import { FlightLeg, TravelDocument } from '../../model/traveller';
import { TravellerStatus } from '../../model/traveller-status';
import { EventEnvelope } from '../envelope';

/** Who the decision is about: enough for the hot path and for officers, nothing more. */
export class Subject {
  @IsString() surname!: string;
  @IsString() givenNames!: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) dateOfBirth?: string;
  @IsOptional() @IsString() nationality?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TravelDocument) documents!: TravelDocument[];
}

/** A screening decision (topic `Topic.Decisions`, keyed by flight). */
export class Value extends EventEnvelope {
  @IsString() manifestId!: string;
  @ValidateNested() @Type(() => FlightLeg) flight!: FlightLeg;
  @ValidateNested() @Type(() => Subject) subject!: Subject;
  @ValidateNested() @Type(() => Decision) decision!: Decision;
  /**
   * Set when the carrier cancelled or offloaded the traveller after check-in: the decision repeats
   * the one it supersedes (same outcome and reasons) and says so. Absent on screening decisions.
   */
  @IsOptional() @ValidateNested() @Type(() => TravellerStatus) travellerStatus?: TravellerStatus;
}
