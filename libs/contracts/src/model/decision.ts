import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { OUTCOMES, Outcome, REASON_KINDS, ReasonKind } from './codes';

/** Longest listed value a decision carries per field (keeps the decision record small). */
export const ENTRY_FACT_MAX = 200;

/**
 * The listed values a match compared, as the list entry gives them (list data, shown beside the
 * traveller's values). A field left out is one the entry does not have.
 */
export class ListedFacts {
  @IsOptional() @IsString() @MaxLength(ENTRY_FACT_MAX) name?: string;
  /** Birth dates, e.g. `1970-03-04`, `1968..1972`, `circa 1970`, joined by `; `. */
  @IsOptional() @IsString() @MaxLength(ENTRY_FACT_MAX) dateOfBirth?: string;
  /** Nationalities, e.g. `SYR; IRQ`. */
  @IsOptional() @IsString() @MaxLength(ENTRY_FACT_MAX) nationality?: string;
  /** Documents as `issuer:number`, e.g. `SYR:N0001`, joined by `; `. */
  @IsOptional() @IsString() @MaxLength(ENTRY_FACT_MAX) document?: string;
}

/** Where a reason came from: a list entry (with the list version) or a rule. */
export class ReasonSource {
  @IsString() listId!: string;
  @IsString() entryId!: string;
  @IsOptional() @IsString() listVersion?: string;
  /** List entries only: the listed values compared (absent on rules and on older decisions). */
  @IsOptional() @ValidateNested() @Type(() => ListedFacts) entryFacts?: ListedFacts;
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
