import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

import { OUTCOMES, Outcome, REASON_KINDS, ReasonKind } from './codes';

/** Where a reason came from: a list entry (with the list version) or a rule. */
export class ReasonSource {
  @IsString() listId!: string;
  @IsString() entryId!: string;
  @IsOptional() @IsString() listVersion?: string;
}

/** One explained reason for a decision. `explanation` is for officers (may name the listed person). */
export class Reason {
  @IsIn(REASON_KINDS) kind!: ReasonKind;
  /** What this reason asks for on its own. */
  @IsIn(OUTCOMES) action!: Outcome;
  @ValidateNested() @Type(() => ReasonSource) source!: ReasonSource;
  /** 0..1 for matches; 1 for exact hits and rules. */
  @IsNumber() score!: number;
  /** Fields that agreed, e.g. ["name", "dateOfBirth", "nationality"]. */
  @IsArray() @IsString({ each: true }) matchedFields!: string[];
  @IsString() explanation!: string;
  /** The listed name or rule title this reason refers to. */
  @IsOptional() @IsString() label?: string;
}

export class DecisionTimings {
  /** Epoch milliseconds when the gateway accepted the bytes. */
  @IsOptional() @IsNumber() receivedAt?: number;
  @IsOptional() @IsNumber() parsedAt?: number;
  @IsNumber() decidedAt!: number;
  /** Time spent screening this traveller (matching + rules), milliseconds. */
  @IsNumber() screeningMs!: number;
}

/** The outcome of screening one traveller. */
export class Decision {
  @IsString() decisionId!: string;
  @IsString() travellerId!: string;
  @IsIn(OUTCOMES) outcome!: Outcome;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Reason) reasons!: Reason[];
  /** listId → version used for this decision. */
  @IsObject() listVersions!: Record<string, string>;
  /** The decision this one replaces (re-vetting). */
  @IsOptional() @IsString() supersedes?: string;
  @ValidateNested() @Type(() => DecisionTimings) timings!: DecisionTimings;
}
