import { Type } from 'class-transformer';
import { IsArray, IsIn, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';

import { Decision } from '../../model/decision';
import { Traveller } from '../../model/traveller';
import { EventEnvelope } from '../envelope';

export const BOARDING_STATUSES = ['OK_TO_BOARD', 'DO_NOT_BOARD', 'CONTACT_AGENCY'] as const;
export type BoardingStatus = (typeof BOARDING_STATUSES)[number];

/** Why screening is asked now: a carrier's check-in (advance data), or an officer's look-up without it. */
export const REQUEST_PURPOSES = ['CHECK_IN', 'PORT_OF_ENTRY'] as const;
export type RequestPurpose = (typeof REQUEST_PURPOSES)[number];

/** Interactive API request: screen these travellers now (topic `Topic.IapiRequests`). */
export class RequestValue extends EventEnvelope {
  @IsString() requestId!: string;
  @IsString() carrier!: string;
  /** Epoch ms after which the gateway has already answered CONTACT_AGENCY. */
  @IsNumber() deadline!: number;
  @IsString() manifestId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Traveller) travellers!: Traveller[];
  /**
   * Absent means CHECK_IN. A PORT_OF_ENTRY decision is recorded on the decisions topic but not put
   * on the hot path: that holds decisions from advance data, and a later look-up must still say
   * that none was received.
   */
  @IsOptional() @IsIn(REQUEST_PURPOSES) purpose?: RequestPurpose;
}

/** Interactive API reply (topic `Topic.IapiReplies`). */
export class ReplyValue extends EventEnvelope {
  @IsString() requestId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Decision) decisions!: Decision[];
}
