import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** POST /v1/admin/carriers */
export class AddCarrierBody {
  /** IATA (2) or ICAO (3) designator, upper case. */
  @IsString() @Matches(/^[A-Z0-9]{2,3}$/) code!: string;
  @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

/** POST /v1/admin/carriers/:code/keys/rotate */
export class RotateKeysBody {
  /** How long the keys valid before stay valid, hours (default CARRIER_KEY_OVERLAP_HOURS). */
  @IsOptional() @IsInt() @Min(0) @Max(24 * 30) overlapHours?: number;
}

export const CARRIER_CODE = /^[A-Z0-9]{2,3}$/;
export const KEY_ID = /^[0-9a-f]{8}$/;
