import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';

import { FINDING_SEVERITIES, FindingSeverity } from './codes';

/**
 * A data-quality finding. `message` must never contain personal data (names, document numbers,
 * dates of birth): it is logged and shown to carriers. Point at the data with `segment`/`field`.
 */
export class Finding {
  /** Stable machine-readable code, e.g. MISSING_DATE_OF_BIRTH, MRZ_CHECK_DIGIT, COUNT_MISMATCH. */
  @IsString() code!: string;
  @IsIn(FINDING_SEVERITIES) severity!: FindingSeverity;
  @IsString() message!: string;
  /** 1-based segment position in the interchange (EDIFACT) or record index (JSON). */
  @IsOptional() @IsInt() @Min(0) segment?: number;
  /** Segment tag or JSON path the finding refers to, e.g. `DOC`, `travellers[3].dateOfBirth`. */
  @IsOptional() @IsString() field?: string;
  /** Index of the traveller in the message the finding belongs to, when it belongs to one. */
  @IsOptional() @IsInt() @Min(0) traveller?: number;
}
