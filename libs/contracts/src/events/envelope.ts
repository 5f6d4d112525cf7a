import { Equals, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

/** Version of every event payload on the v1 topics. Bump with a new topic suffix. */
export const SCHEMA_VERSION = 1 as const;

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/** Fields every event carries (docs/architecture.md §2). */
export abstract class EventEnvelope {
  @Equals(SCHEMA_VERSION) schemaVersion!: typeof SCHEMA_VERSION;
  /** UUIDv7: unique and time-ordered. */
  @IsString() eventId!: string;
  @IsISO8601() occurredAt!: string;
  /** The receipt id of the carrier message this event descends from (or the request id). */
  @IsString() correlationId!: string;
  @IsOptional() @Matches(TRACEPARENT) traceparent?: string;
}
