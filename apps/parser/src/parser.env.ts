import { IsInt, Max, Min } from 'class-validator';

export class ParserEnv {
  @IsInt() @Min(0) @Max(65535) PARSER_PORT = 8081;
  /** How long receipts are kept: API data retention, hours. */
  @IsInt() @Min(1) RECEIPT_TTL_HOURS = 72;
}
