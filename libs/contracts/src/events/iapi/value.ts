import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsString, ValidateNested } from 'class-validator';

import { Decision } from '../../model/decision';
import { Traveller } from '../../model/traveller';
import { EventEnvelope } from '../envelope';

export const BOARDING_STATUSES = ['OK_TO_BOARD', 'DO_NOT_BOARD', 'CONTACT_AGENCY'] as const;
export type BoardingStatus = (typeof BOARDING_STATUSES)[number];

/** Interactive API request: screen these travellers now (topic `Topic.IapiRequests`). */
export class RequestValue extends EventEnvelope {
  @IsString() requestId!: string;
  @IsString() carrier!: string;
  /** Epoch ms after which the gateway has already answered CONTACT_AGENCY. */
  @IsNumber() deadline!: number;
  @IsString() manifestId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Traveller) travellers!: Traveller[];
}

/** Interactive API reply (topic `Topic.IapiReplies`). */
export class ReplyValue extends EventEnvelope {
  @IsString() requestId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Decision) decisions!: Decision[];
}
