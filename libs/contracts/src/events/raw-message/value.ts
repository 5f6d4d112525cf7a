/**
 * The raw topic carries the carrier's bytes untouched as the record value; everything else
 * travels in headers (see `Header`): receipt id, carrier, content type, received-at, request id,
 * trace context. Nothing is decoded before the parser, so nothing a carrier sent is lost.
 */
export type Value = Buffer;

/** Content types the gateway recognises from the bytes. */
export const RAW_CONTENT_TYPES = ['application/edifact', 'application/json'] as const;
export type RawContentType = (typeof RAW_CONTENT_TYPES)[number];
