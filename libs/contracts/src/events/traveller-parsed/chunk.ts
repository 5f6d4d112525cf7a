import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Min, ValidateNested } from 'class-validator';

import { Traveller } from '../../model/traveller';
import { decodeEvent } from '../../validate';
import { ManifestTravellers, type Value as TravellerValue } from './value';

/**
 * Most travellers in one chunk record. A manifest of up to this many travellers is one record on
 * the travellers topic (the e2e bench's manifests are 250), so the per-record costs of Kafka, the
 * transactions and validation are paid per chunk, not per traveller (issue 19).
 */
export const CHUNK_TRAVELLERS = 250;

/** What differs between the travellers of one chunk. */
export class ChunkItem {
  /** The traveller's own event id (decision ids derive from it): the one a v1 event would carry. */
  @IsString() eventId!: string;
  /** Position of the traveller in the manifest. */
  @IsInt() @Min(0) index!: number;
  @ValidateNested() @Type(() => Traveller) traveller!: Traveller;
}

/**
 * Consecutive travellers of one manifest version (topic `Topic.Travellers`, key = flight key, so a
 * flight's chunks stay in order on one partition). The envelope's event id names the chunk; each
 * traveller keeps its own. Read it with `decodeChunk` / `unpackChunk`, never field by field.
 */
export class Chunk extends ManifestTravellers {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHUNK_TRAVELLERS)
  @ValidateNested({ each: true })
  @Type(() => ChunkItem)
  travellers!: ChunkItem[];
}

/** The traveller events a chunk stands for, in manifest order (the one reader of a chunk). */
export function unpackChunk(chunk: Chunk): TravellerValue[] {
  const { travellers, ...common } = chunk;
  return travellers.map((item) => ({
    ...common,
    eventId: item.eventId,
    index: item.index,
    traveller: item.traveller,
  }));
}

/**
 * A chunk record's bytes as traveller events: all of them, or ContractViolation (nothing) when the
 * chunk breaks its contract, so a consumer dead-letters the whole record with its original bytes.
 */
export function decodeChunk(bytes: Buffer | string): TravellerValue[] {
  return unpackChunk(decodeEvent(Chunk, bytes));
}

export interface PackLimits {
  /** Most travellers per chunk (default CHUNK_TRAVELLERS). */
  maxTravellers?: number;
  /** Most bytes of one chunk's JSON (a single traveller over it still makes a chunk of one). */
  maxBytes: number;
}

/** One chunk record: the value, and its JSON bytes as they are sent (each traveller serialised once). */
export interface PackedChunk {
  chunk: Chunk;
  bytes: Buffer;
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
/** Room for the chunk's own fields around its travellers (ids and trace context are short). */
const HEAD_SLACK_BYTES = 256;

/**
 * The chunk records of one manifest version's traveller events (same manifest, version, receipt
 * and trace: what `eventsOf` gives), in order: at most `maxTravellers` each, and no more travellers
 * than keep a chunk's JSON within `maxBytes`. `chunkId(n)` names the n-th chunk (stable across
 * re-reads). Each traveller is serialised once, and the chunk's bytes are put together from those
 * pieces (the same JSON as `JSON.stringify(chunk)`), so the producer sends them as they are. A
 * single traveller larger than `maxBytes` stays a chunk of one: the producer refuses it, as it
 * refused the event of one.
 */
export function packChunks(
  events: readonly TravellerValue[],
  chunkId: (n: number) => string,
  { maxTravellers = CHUNK_TRAVELLERS, maxBytes }: PackLimits,
): PackedChunk[] {
  const packed: PackedChunk[] = [];
  let group: ChunkItem[] = [];
  let pieces: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (group.length === 0) return;
    const head = headOf(events[0], chunkId(packed.length));
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"travellers":[`)];
    pieces.forEach((piece, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(piece);
    });
    parts.push(CLOSE);
    packed.push({ chunk: { ...head, travellers: group }, bytes: Buffer.concat(parts) });
    group = [];
    pieces = [];
    size = 0;
  };
  for (const e of events) {
    const item: ChunkItem = { eventId: e.eventId, index: e.index, traveller: e.traveller };
    const piece = Buffer.from(JSON.stringify(item));
    const bytes = piece.length + 1;
    if (group.length >= maxTravellers || (group.length > 0 && size + bytes + HEAD_SLACK_BYTES > maxBytes))
      flush();
    group.push(item);
    pieces.push(piece);
    size += bytes;
  }
  flush();
  return packed;
}

/** A chunk's own fields (all but its travellers), from the manifest's first traveller event. */
function headOf(first: TravellerValue, eventId: string): Omit<Chunk, 'travellers'> {
  return {
    schemaVersion: first.schemaVersion,
    eventId,
    occurredAt: first.occurredAt,
    correlationId: first.correlationId,
    ...(first.traceparent ? { traceparent: first.traceparent } : {}),
    manifestId: first.manifestId,
    manifestVersion: first.manifestVersion,
    messageType: first.messageType,
    carrier: first.carrier,
    total: first.total,
    ...(first.receivedAt !== undefined ? { receivedAt: first.receivedAt } : {}),
  };
}
