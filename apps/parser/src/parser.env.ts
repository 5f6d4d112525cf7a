import { IsInt, Matches, Max, Min } from 'class-validator';

export class ParserEnv {
  @IsInt() @Min(0) @Max(65535) PARSER_PORT = 8081;
  /** How long receipts are kept: API data retention, hours. */
  @IsInt() @Min(1) RECEIPT_TTL_HOURS = 72;
  /** Stable id of this instance (its Kafka transactional id); two instances need two ids. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/) PARSER_INSTANCE_ID = 'parser-1';
  /** A multi-part set still incomplete after this long is screened with what arrived, seconds. */
  @IsInt() @Min(1) MULTIPART_TIMEOUT_SECONDS = 1800;
  /** How often incomplete multi-part sets are checked, seconds. */
  @IsInt() @Min(1) MULTIPART_SWEEP_SECONDS = 30;
}
