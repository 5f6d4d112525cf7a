import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { Finding } from './finding';
import {
  GENDERS,
  Gender,
  MESSAGE_TYPES,
  MessageType,
  NATIONALITY_PATTERN,
  TRAVELLER_ROLES,
  TravellerRole,
} from './codes';
import { PARTIAL_DATE_PATTERN } from './dates';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A travel document as reported (PAXLST DOC/DTM/LOC, PNRGOV SSR DOCS/DOCO, JSON). */
export class TravelDocument {
  /** ICAO / UN/EDIFACT document type: P passport, V visa, I identity card, A, C, … as sent. */
  @IsString() @MaxLength(3) type!: string;
  @IsString() @MaxLength(35) number!: string;
  /** Issuing state, ISO 3166-1 alpha-3 / ICAO code. */
  @IsOptional() @Matches(NATIONALITY_PATTERN) issuer?: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) expiry?: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) issued?: string;
}

/** A port and a local date-time (as carriers report them: local time, no zone). */
export class PortTime {
  /** IATA airport code (or UN/LOCODE when that is what was sent). */
  @IsString() @MaxLength(5) port!: string;
  @IsOptional() @Matches(ISO_DATE_TIME) at?: string;
}

export class FlightLeg {
  @IsString() @MaxLength(3) carrier!: string;
  /** Flight number without the carrier, e.g. `0123` or `123A`. */
  @IsString() @MaxLength(8) number!: string;
  @ValidateNested() @Type(() => PortTime) departure!: PortTime;
  @ValidateNested() @Type(() => PortTime) arrival!: PortTime;
  /** Operating carrier when this leg is a codeshare. */
  @IsOptional() @IsString() operatingCarrier?: string;
  @IsOptional() @IsString() operatingNumber?: string;
}

export class FormOfPayment {
  /** CA cash, CC card, MS miscellaneous, CK cheque, … (PNRGOV FOP 9888). */
  @IsString() type!: string;
  @IsOptional() @IsNumber() amount?: number;
  @IsOptional() @IsString() currency?: string;
  /** Card vendor code; never the card number. */
  @IsOptional() @IsString() cardVendor?: string;
}

export class Contact {
  /** phone, email, address */
  @IsIn(['phone', 'email', 'address']) kind!: 'phone' | 'email' | 'address';
  @IsString() value!: string;
}

/** PNR-derived data (PNRGOV). Personal data here is subject to PNR masking and retention. */
export class PnrExtras {
  /** Record locator (RCI). */
  @IsString() @MaxLength(20) locator!: string;
  @IsOptional() @Matches(ISO_DATE_TIME) bookingDate?: string;
  @IsOptional() @Matches(ISO_DATE_TIME) createdAt?: string;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FormOfPayment)
  formsOfPayment?: FormOfPayment[];
  @IsOptional() @IsInt() @Min(0) bagCount?: number;
  @IsOptional() @IsNumber() bagWeightKg?: number;
  @IsOptional() @IsString() seat?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) ticketNumbers?: string[];
  /** True when the booking has no return segment to the origin. */
  @IsOptional() @IsBoolean() oneWay?: boolean;
  @IsOptional() @IsString() travelAgency?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Contact) contacts?: Contact[];
  /** Number of travellers on the booking. */
  @IsOptional() @IsInt() @Min(0) partySize?: number;
  /** Codeshare / marketing flights of the booking, as `CC1234`. */
  @IsOptional() @IsArray() @IsString({ each: true }) codeshares?: string[];
}

/** A run of consecutive bag tags as sent (PAXLST `FTX+BAG+++first:count`): `first`, `first`+1, …. */
export class BagTagRun {
  @IsString() @MaxLength(20) first!: string;
  @IsInt() @Min(1) count!: number;
}

/** Checked baggage as the carrier sent it (PAXLST MEA and FTX+BAG). */
export class Baggage {
  /** Total weight as sent (PAXLST `MEA+WT++KGM:20`), in `weightUnit`. */
  @IsOptional() @IsNumber() weight?: number;
  /** Unit as sent: `KGM` kilograms, `LBR` pounds (UN/ECE Rec. 20). */
  @IsOptional() @IsString() @MaxLength(3) weightUnit?: string;
  /** Bag tags with their runs of consecutive numbers. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => BagTagRun) tags?: BagTagRun[];
  /** Pooled baggage (PNRGOV `TBD`): HEAD holds the group's bags (`HP`), MEMBER's are pooled with a head (`MP`). */
  @IsOptional() @IsIn(['HEAD', 'MEMBER']) pool?: 'HEAD' | 'MEMBER';
}

/**
 * One traveller as read from a manifest. This is what `paxscreen parse` prints, one per line, and
 * what the parser publishes inside a TravellerParsed event.
 */
export class Traveller {
  /** Stable within a manifest: the same traveller in a later version of the manifest keeps it. */
  @IsString() travellerId!: string;
  @IsIn(TRAVELLER_ROLES) role!: TravellerRole;
  /** Family name(s), upper case, as sent (after decoding). */
  @IsString() @MaxLength(140) surname!: string;
  /** Given names, space separated, as sent (may be empty). */
  @IsString() @MaxLength(140) givenNames!: string;
  @IsOptional() @Matches(PARTIAL_DATE_PATTERN) dateOfBirth?: string;
  /**
   * True when the sender gave the birth year in two digits (PAXLST `DTM+329` YYMMDD, PNR `DOCS`
   * DDMMMYY): the century in `dateOfBirth` was inferred (the latest one not in the future), so
   * matching may read the year in the other century too.
   */
  @IsOptional() @IsBoolean() dateOfBirthTwoDigitYear?: boolean;
  @IsIn(GENDERS) gender!: Gender;
  @IsOptional() @Matches(NATIONALITY_PATTERN) nationality?: string;
  @IsOptional() @Matches(NATIONALITY_PATTERN) residence?: string;
  @IsOptional() @IsString() placeOfBirth?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TravelDocument) documents!: TravelDocument[];
  /** The reported flight: the leg arriving in (or departing from) the reporting state. */
  @ValidateNested() @Type(() => FlightLeg) flight!: FlightLeg;
  /** All legs known for the traveller, in order (includes `flight`). */
  @IsArray() @ValidateNested({ each: true }) @Type(() => FlightLeg) itinerary!: FlightLeg[];
  /** Embarkation / debarkation ports for this traveller (LOC 178/179, or the PNR legs). */
  @IsOptional() @IsString() embarkation?: string;
  @IsOptional() @IsString() debarkation?: string;
  @IsOptional() @ValidateNested() @Type(() => PnrExtras) pnr?: PnrExtras;
  @IsOptional() @IsString() seat?: string;
  @IsOptional() @IsInt() @Min(0) bagCount?: number;
  /** Weight and bag tags as sent, when the message has them (bagCount stays the count). */
  @IsOptional() @ValidateNested() @Type(() => Baggage) baggage?: Baggage;
  /** Data-quality findings about this traveller. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => Finding) findings!: Finding[];
}

/** The data-quality report of one message (what `paxscreen validate` prints). */
export class QualityReport {
  @IsIn(MESSAGE_TYPES) messageType!: MessageType;
  /** Message version, e.g. `D:05B`, `13:1`, `json:1`. */
  @IsString() version!: string;
  /** Message reference (UNH 0062 / JSON messageId). */
  @IsOptional() @IsString() messageRef?: string;
  @IsInt() @Min(0) travellers!: number;
  @IsInt() @Min(0) errors!: number;
  @IsInt() @Min(0) warnings!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Finding) findings!: Finding[];
}
