import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

import { MESSAGE_TYPES, MessageType } from '../../model/codes';
import { Traveller } from '../../model/traveller';
import { EventEnvelope } from '../envelope';

/** What a traveller event and a chunk of them share: the manifest version they were read from. */
export abstract class ManifestTravellers extends EventEnvelope {
  /** Carrier + flight + date + direction (+ PNR locator for PNRGOV): identifies the manifest. */
  @IsString() manifestId!: string;
  /** Increases with each accepted version of the manifest; redelivery keeps it. */
  @IsInt() @Min(1) manifestVersion!: number;
  @IsIn(MESSAGE_TYPES) messageType!: MessageType;
  @IsString() carrier!: string;
  /** The manifest's size (its travellers in all chunks). */
  @IsInt() @Min(1) total!: number;
  /** Epoch ms when the gateway accepted the bytes (ingest-to-decision latency starts here). */
  @IsOptional() @IsNumber() receivedAt?: number;
}

/**
 * One traveller read from a manifest: what `unpackChunk` gives for each traveller of a chunk
 * record on `Topic.Travellers`.
 */
export class Value extends ManifestTravellers {
  /** Position of the traveller in the manifest. */
  @IsInt() @Min(0) index!: number;
  @ValidateNested() @Type(() => Traveller) traveller!: Traveller;
}
