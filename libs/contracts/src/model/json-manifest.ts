import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { TRAVELLER_STATUSES, type TravellerStatusState } from './traveller-status';

/**
 * The JSON manifest format for carriers without EDIFACT (documented in docs/json-manifest.md).
 * Structure is validated here (types, required objects); field contents (dates, codes, names) are
 * checked by libs/edifact, which reports them as data-quality findings like it does for PAXLST, so a
 * bad date never rejects a whole manifest. Version 1; add fields, never rename.
 */
export const JSON_MANIFEST_FORMAT = 'paxscreen.manifest';
export const JSON_MANIFEST_VERSIONS = [1] as const;
/** Upper bound on travellers per manifest (a wide-body flight is under 1,000; crew lists are smaller). */
export const JSON_MANIFEST_MAX_TRAVELLERS = 10000;
const MAX_DOCUMENTS = 10;
const MAX_LEGS = 20;
const MAX_MRZ_LINES = 3;

export class JsonPortTime {
  @IsString() @MaxLength(5) port!: string;
  /** Local date-time, `YYYY-MM-DDTHH:MM`, or a date. */
  @IsOptional() @IsString() at?: string;
}

export class JsonFlight {
  @IsString() @MaxLength(3) carrier!: string;
  @IsString() @MaxLength(8) number!: string;
  // @IsObject on every nested value: @ValidateNested alone lets a missing object, or an array in
  // its place, through to the reader (found by `npm run fuzz`).
  @IsObject() @ValidateNested() @Type(() => JsonPortTime) departure!: JsonPortTime;
  @IsObject() @ValidateNested() @Type(() => JsonPortTime) arrival!: JsonPortTime;
  @IsOptional() @IsString() operatingCarrier?: string;
  @IsOptional() @IsString() operatingNumber?: string;
}

export class JsonDocument {
  /** P passport, V visa, I identity card, … */
  @IsString() @MaxLength(3) type!: string;
  @IsString() @MaxLength(35) number!: string;
  /** Issuing state: ISO 3166-1 alpha-3 (alpha-2 accepted and converted). */
  @IsOptional() @IsString() issuer?: string;
  @IsOptional() @IsString() expiry?: string;
  @IsOptional() @IsString() issued?: string;
  /** The machine-readable zone as read at check-in (TD1: 3 lines, TD2/TD3: 2 lines). */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_MRZ_LINES) @IsString({ each: true }) mrz?: string[];
}

export class JsonTraveller {
  /** The carrier's unique, stable reference for this traveller on this flight (keeps ids across versions). */
  @IsOptional() @IsString() @MaxLength(35) ref?: string;
  @IsOptional() @IsIn(['PASSENGER', 'CREW', 'IN_TRANSIT']) role?: 'PASSENGER' | 'CREW' | 'IN_TRANSIT';
  @IsOptional() @IsString() @MaxLength(140) surname?: string;
  @IsOptional() @IsString() @MaxLength(140) givenNames?: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  @IsOptional() @IsString() dateOfBirth?: string;
  /** M, F, X or U. */
  @IsOptional() @IsString() gender?: string;
  @IsOptional() @IsString() nationality?: string;
  @IsOptional() @IsString() residence?: string;
  @IsOptional() @IsString() placeOfBirth?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DOCUMENTS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => JsonDocument)
  documents?: JsonDocument[];
  @IsOptional() @IsString() embarkation?: string;
  @IsOptional() @IsString() debarkation?: string;
  @IsOptional() @IsString() seat?: string;
  @IsOptional() @IsInt() @Min(0) bagCount?: number;
  @IsOptional() @IsString() @MaxLength(20) pnrLocator?: string;
}

export class JsonReportingParty {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() phone?: string;
  @IsOptional() @IsString() email?: string;
}

export class JsonManifestPart {
  @IsString() reference!: string;
  @IsInt() @Min(1) sequence!: number;
  @IsBoolean() final!: boolean;
}

export class JsonManifest {
  @IsIn([JSON_MANIFEST_FORMAT]) format!: typeof JSON_MANIFEST_FORMAT;
  @IsIn(JSON_MANIFEST_VERSIONS) version!: 1;
  /** The carrier's id for this transmission (what an iAPI answer refers to). */
  @IsOptional() @IsString() messageId?: string;
  @IsIn(['PASSENGERS', 'CREW']) kind!: 'PASSENGERS' | 'CREW';
  /**
   * iAPI change: the travellers listed were cancelled or offloaded after check-in (the PAXLST
   * equivalent is BGM+745+XR / CLNB). Absent for an ordinary list.
   */
  @IsOptional() @IsIn(TRAVELLER_STATUSES) travellerStatus?: TravellerStatusState;
  @IsOptional() @IsIn(['INBOUND', 'OUTBOUND']) direction?: 'INBOUND' | 'OUTBOUND';
  /** The reported flight: the leg crossing the border. */
  @IsObject() @ValidateNested() @Type(() => JsonFlight) flight!: JsonFlight;
  /** All legs of the journey, in order, when the carrier sends them (defaults to `[flight]`). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LEGS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => JsonFlight)
  legs?: JsonFlight[];
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => JsonReportingParty)
  reportingParty?: JsonReportingParty;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => JsonManifestPart) part?: JsonManifestPart;
  @IsArray()
  @ArrayMaxSize(JSON_MANIFEST_MAX_TRAVELLERS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => JsonTraveller)
  travellers!: JsonTraveller[];
}
