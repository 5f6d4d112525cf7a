import { IsIn, IsInt, IsObject, IsOptional, IsString } from 'class-validator';

import { EventEnvelope } from '../envelope';

export const DEAD_LETTER_STAGES = ['gateway', 'parser', 'screening', 'watchlist', 'records'] as const;
export type DeadLetterStage = (typeof DEAD_LETTER_STAGES)[number];

/**
 * What a stage could not process, with the original bytes (base64) so nothing is lost and the
 * record can be replayed once the cause is fixed.
 */
export class Value extends EventEnvelope {
  @IsIn(DEAD_LETTER_STAGES) stage!: DeadLetterStage;
  /** Stable error code, e.g. EDIFACT_SYNTAX, UNSUPPORTED_MESSAGE, CARRIER_MISMATCH, INVALID_EVENT. */
  @IsString() code!: string;
  /** Human-readable reason without personal data. */
  @IsString() message!: string;
  @IsString() sourceTopic!: string;
  @IsOptional() @IsInt() partition?: number;
  @IsOptional() @IsString() offset?: string;
  @IsOptional() @IsString() key?: string;
  @IsObject() headers!: Record<string, string>;
  @IsString() payloadBase64!: string;
}
