import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

import { EventEnvelope } from '../envelope';

export const DEAD_LETTER_STAGES = [
  'gateway',
  'parser',
  'screening',
  'watchlist',
  'records',
  'casework',
  'workbench',
  'carriers',
] as const;
export type DeadLetterStage = (typeof DEAD_LETTER_STAGES)[number];

/**
 * Which original bytes a dead-letter record holds. A dead letter whose bytes fit in one record of
 * the dead-letter topic is one record (`parts` 1); a larger one is `parts` records that share a
 * `deadLetterId` and carry the bytes in order (`part` 1..parts), each with the same stage, code and
 * reason; when not even that can be written the record holds no bytes (`parts` 0) and
 * `payloadReference` says where they are. `deadLetterBytes` puts them back together and checks
 * the length and the SHA-256.
 */
export class PayloadPart {
  /** The same on every part of one dead letter: the event id of part 1. */
  @IsString() deadLetterId!: string;
  /** 1-based position of this record's bytes; 0 when the record holds none. */
  @IsInt() @Min(0) part!: number;
  @IsInt() @Min(0) parts!: number;
  /** Length of the whole original, bytes. */
  @IsInt() @Min(0) bytes!: number;
  /** SHA-256 of the whole original, hex. */
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

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
  /** The original bytes, or this part of them (see `payload`); empty when `payload.parts` is 0. */
  @IsString() payloadBase64!: string;
  /** Absent on dead letters written before parts existed (they hold every byte in one record). */
  @IsOptional() @ValidateNested() @Type(() => PayloadPart) payload?: PayloadPart;
  /**
   * Where the original bytes are when no dead-letter record holds them (`payload.parts` 0), e.g.
   * `paxscreen.messages.raw.v1/2/1834`: the source record, kept for that topic's retention.
   */
  @IsOptional() @IsString() payloadReference?: string;
}
