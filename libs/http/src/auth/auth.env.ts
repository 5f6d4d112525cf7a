import { IsInt, IsString, Min, ValidateIf, MinLength } from 'class-validator';

/** Token settings shared by every app that admits staff (gateway, watchlist, dashboard). */
export class AuthEnv {
  /** HS256 secret (≥ 32 characters). Used when no public key is configured. */
  @ValidateIf((o: AuthEnv) => o.AUTH_JWT_PUBLIC_KEY === '')
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters (or set AUTH_JWT_PUBLIC_KEY)' })
  AUTH_JWT_SECRET = '';
  /** PEM public key (RS256 / ES256 / EdDSA) of the organisation's identity provider. */
  @IsString() AUTH_JWT_PUBLIC_KEY = '';
  @IsString() AUTH_JWT_ISSUER = 'paxscreen';
  @IsString() AUTH_JWT_AUDIENCE = 'paxscreen';
  /** Clock skew tolerated on exp / nbf, seconds. */
  @IsInt() @Min(0) AUTH_CLOCK_TOLERANCE_S = 5;
}
