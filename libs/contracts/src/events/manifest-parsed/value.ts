import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

import { MESSAGE_TYPES, MessageType } from '../../model/codes';
import { FlightLeg, QualityReport } from '../../model/traveller';
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
  /** The reported flight (ports, local departure time as sent): carriers infers expected flights from it. */
  @IsOptional() @ValidateNested() @Type(() => FlightLeg) flight?: FlightLeg;
  /** Epoch ms when the gateway accepted the bytes: the time carrier timeliness is judged by. */
  @IsOptional() @IsNumber() receivedAt?: number;
}
