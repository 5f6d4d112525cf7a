import { IsInt, IsNumber, Matches, Max, Min } from 'class-validator';

export class ParserEnv {
  @IsInt() @Min(0) @Max(65535) PARSER_PORT = 8081;
  /** How long receipts are kept: API data retention, hours. */
  @IsInt() @Min(1) RECEIPT_TTL_HOURS = 72;
  /**
   * Name of this instance (its Kafka client id, in broker logs). Transactional ids are per input
   * partition and the same on every instance (the new owner of a partition fences the old one).
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/) PARSER_INSTANCE_ID = 'parser-1';
  /** A multi-part set still incomplete after this long is screened with what arrived, seconds. */
  @IsInt() @Min(1) MULTIPART_TIMEOUT_SECONDS = 1800;
  /** PNR-derived personal data is masked at this age (EU PNR Directive: six months), days. */
  @IsNumber() @Min(0) PNR_MASK_AFTER_DAYS = 183;
  /** PNR-derived data is deleted at this age (EU PNR Directive: five years), days. */
  @IsNumber() @Min(0) PNR_RETENTION_DAYS = 1826;
  /** Key (64 hex characters) that seals the full PNR record when it is masked; required. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PNR_UNMASK_KEY must be 64 hex characters (32 bytes)' })
  PNR_UNMASK_KEY = '';
  /** How often the masking / purging job runs, seconds. */
  @IsInt() @Min(1) PNR_LIFECYCLE_SECONDS = 3600;
  /** How often incomplete multi-part sets are checked, seconds. */
  @IsInt() @Min(1) MULTIPART_SWEEP_SECONDS = 30;
}
