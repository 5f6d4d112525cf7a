import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsString, Min, ValidateNested } from 'class-validator';

import { MESSAGE_TYPES, MessageType } from '../../model/codes';
import { QualityReport } from '../../model/traveller';
import { EventEnvelope } from '../envelope';

/** A summary per accepted manifest version (topic `Topic.Manifests`). */
export class Value extends EventEnvelope {
  @IsString() manifestId!: string;
  @IsInt() @Min(1) manifestVersion!: number;
  @IsIn(MESSAGE_TYPES) messageType!: MessageType;
  @IsString() carrier!: string;
  @IsString() flightNumber!: string;
  @IsString() flightKey!: string;
  @IsArray() @IsString({ each: true }) travellerIds!: string[];
  @ValidateNested() @Type(() => QualityReport) report!: QualityReport;
}
