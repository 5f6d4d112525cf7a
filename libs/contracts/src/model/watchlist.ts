import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

import { GENDERS, Gender, NATIONALITY_PATTERN } from './codes';
import { PARTIAL_DATE_PATTERN } from './dates';

export const ENTRY_KINDS = ['PERSON', 'ENTITY', 'VESSEL', 'AIRCRAFT', 'UNKNOWN'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Name types: the primary name, an alias (a.k.a.), a weak alias (low quality), an original-script name. */
export const NAME_TYPES = ['primary', 'alias', 'weak', 'original'] as const;
export type NameType = (typeof NAME_TYPES)[number];

export class ListedName {
  /** The full name as published. */
  @IsString() @MaxLength(400) full!: string;
  @IsIn(NAME_TYPES) type!: NameType;
  /** Parts when the list gives them (UN FIRST_NAME…FOURTH_NAME, OFAC "LAST, First"). */
  @IsOptional() @IsString() surname?: string;
  @IsOptional() @IsString() givenNames?: string;
}

/** A birth date: exact or partial (YYYY, YYYY-MM), or a range of years/dates. */
export class ListedDate {
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) date?: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) from?: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) to?: string;
  /** e.g. "circa", "approximately" (the date is uncertain). */
  @IsOptional() @IsString() qualifier?: string;
}

export class ListedDocument {
  /** passport, national-id, … normalised: P, I, or OTHER. */
  @IsString() type!: string;
  @IsString() @MaxLength(60) number!: string;
  @IsOptional() @Matches(NATIONALITY_PATTERN) issuer?: string;
  @IsOptional() @IsString() note?: string;
}

/**
 * One watchlist entry (UN, OFAC, national lists, …). Key on the compacted topic: `listId:entryId`.
 * `entryId` is the publisher's stable id (UN REFERENCE_NUMBER, OFAC ent_num).
 */
export class WatchlistEntry {
  @IsString() listId!: string;
  @IsString() entryId!: string;
  @IsIn(ENTRY_KINDS) kind!: EntryKind;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ListedName) names!: ListedName[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ListedDate) datesOfBirth!: ListedDate[];
  @IsArray() @IsString({ each: true }) placesOfBirth!: string[];
  @IsArray() @Matches(NATIONALITY_PATTERN, { each: true }) nationalities!: string[];
  @IsOptional() @IsIn(GENDERS) gender?: Gender;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ListedDocument) documents!: ListedDocument[];
  /** Sanctions programmes / list sections, e.g. `SDGT`, `QDi` (UN reference prefix). */
  @IsArray() @IsString({ each: true }) programs!: string[];
  @IsOptional() @IsString() @MaxLength(4000) remarks?: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) listedOn?: string;
}

/** A lost or stolen travel document (exact issuer + number match). */
export class LostStolenDocument {
  @IsString() listId!: string;
  @IsString() entryId!: string;
  @IsString() @MaxLength(35) number!: string;
  @Matches(NATIONALITY_PATTERN) issuer!: string;
  @IsOptional() @IsString() documentType?: string;
  /** LOST, STOLEN, REVOKED, INVALIDATED … */
  @IsString() status!: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) reportedOn?: string;
}

export const PROGRAMME_KINDS = ['TTP', 'ABTC'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** A trusted-traveller programme enrolment or an APEC Business Travel Card. */
export class Enrolment {
  @IsString() listId!: string;
  @IsString() entryId!: string;
  @IsIn(PROGRAMME_KINDS) kind!: ProgrammeKind;
  /** Programme name, e.g. GLOBAL_ENTRY, NEXUS, SMARTGATE, ABTC. */
  @IsString() programme!: string;
  @IsString() cardNumber!: string;
  @IsString() surname!: string;
  @IsString() givenNames!: string;
  @Matches(PARTIAL_DATE_PATTERN) dateOfBirth!: string;
  @Matches(NATIONALITY_PATTERN) nationality!: string;
  @IsString() documentNumber!: string;
  @Matches(NATIONALITY_PATTERN) documentIssuer!: string;
  @Matches(PARTIAL_DATE_PATTERN) validFrom!: string;
  @Matches(PARTIAL_DATE_PATTERN) validTo!: string;
  /** ABTC: economies (ISO alpha-3) that pre-cleared the holder. TTP: economies where it applies. */
  @IsArray() @Matches(NATIONALITY_PATTERN, { each: true }) preClearedEconomies!: string[];
}
