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
  /** Most bytes of one chunk's JSON: a chunk over it is split in halves (one traveller stays as it is). */
  maxBytes: number;
}

/**
 * The chunk records of one manifest version's traveller events (same manifest, version, receipt
 * and trace: what `eventsOf` gives), at most `maxTravellers` each and split further while a
 * chunk's JSON is over `maxBytes`. `chunkId(n)` names the n-th chunk (stable across re-reads).
 * A single traveller larger than `maxBytes` stays a chunk of one: the producer refuses it, as it
 * refused the event of one.
 */
export function packChunks(
  events: readonly TravellerValue[],
  chunkId: (n: number) => string,
  { maxTravellers = CHUNK_TRAVELLERS, maxBytes }: PackLimits,
): Chunk[] {
  const groups: TravellerValue[][] = [];
  for (let i = 0; i < events.length; i += maxTravellers) groups.push(events.slice(i, i + maxTravellers));
  const chunks: Chunk[] = [];
  const add = (group: TravellerValue[]) => {
    const chunk = chunkOf(group, chunkId(chunks.length));
    if (group.length > 1 && Buffer.byteLength(JSON.stringify(chunk)) > maxBytes) {
      const half = Math.ceil(group.length / 2);
      add(group.slice(0, half));
      add(group.slice(half));
    } else chunks.push(chunk);
  };
  for (const group of groups) add(group);
  return chunks;
}

function chunkOf(group: TravellerValue[], eventId: string): Chunk {
  const first = group[0];
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
    travellers: group.map((e) => ({ eventId: e.eventId, index: e.index, traveller: e.traveller })),
  };
}
