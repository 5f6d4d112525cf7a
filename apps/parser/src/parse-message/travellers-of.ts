import { createHash } from 'node:crypto';

import { envelope, ManifestParsed, maxMessageBytes, Topic, TravellerParsed } from '@paxscreen/contracts';
import type { ParsedMessage } from '@paxscreen/edifact';
import { childTraceparent } from '@paxscreen/observability';

/** Event ids derived from the receipt and the position: a re-read of the same receipt repeats them. */
export function eventIdFor(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface MessageMeta {
  receiptId: string;
  carrier: string;
  manifestVersion: number;
  receivedAt?: number;
  traceparent?: string;
}

/**
 * Room left in a travellers record for its key and headers: a chunk's JSON stays this far under the
 * topic's limit (a single traveller over it still goes, and is refused as before).
 */
const CHUNK_BYTES = maxMessageBytes(Topic.Travellers) - 16 * 1024;

/**
 * The chunk records that carry one TravellerParsed event per traveller of a (complete) message
 * (`TravellerParsed.packChunks`), and the manifest summary.
 */
export function eventsOf(message: ParsedMessage, meta: MessageMeta, messageIndex: number) {
  const { manifest } = message;
  const flightKey = TravellerParsed.flightKey(
    manifest.carrier,
    manifest.flightNumber,
    manifest.departureDate,
  );
  const total = Math.max(1, message.travellers.length);
  // One envelope (and span) for the message's travellers: they travel in chunk records.
  const common = envelope(meta.receiptId, childTraceparent(meta.traceparent));
  const travellers: TravellerParsed.Value[] = message.travellers.map((traveller, index) => ({
    ...common,
    eventId: eventIdFor(meta.receiptId, messageIndex, index),
    manifestId: manifest.manifestId,
    manifestVersion: meta.manifestVersion,
    messageType: message.messageType,
    carrier: meta.carrier,
    index,
    total,
    ...(meta.receivedAt !== undefined ? { receivedAt: meta.receivedAt } : {}),
    traveller,
  }));
  const summary: ManifestParsed.Value = {
    ...envelope(meta.receiptId, meta.traceparent),
    eventId: eventIdFor(meta.receiptId, messageIndex, 'manifest'),
    manifestId: manifest.manifestId,
    manifestVersion: meta.manifestVersion,
    messageType: message.messageType,
    carrier: manifest.carrier,
    flightNumber: manifest.flightNumber,
    flightKey,
    travellerIds: message.travellers.map((t) => t.travellerId),
    report: message.report,
    flight: manifest.flight,
    ...(meta.receivedAt !== undefined ? { receivedAt: meta.receivedAt } : {}),
  };
  const chunks = TravellerParsed.packChunks(
    travellers,
    (n) => eventIdFor(meta.receiptId, messageIndex, 'chunk', n),
    { maxBytes: CHUNK_BYTES },
  );
  return { flightKey, chunks, summary };
}
