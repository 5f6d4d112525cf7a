import { createHash } from 'node:crypto';

import { DeadLetter, envelope, Header, maxMessageBytes, Topic } from '@paxscreen/contracts';

import type { ConsumedRecord, OutputBatch } from './records';
import { fitsTopic, OutgoingRecord, recordBytes, toMessage } from './producer';

export interface DeadLetterReason {
  stage: DeadLetter.DeadLetterStage;
  /** Stable code, e.g. EDIFACT_SYNTAX, CARRIER_MISMATCH, HANDLER_FAILED, OUTPUT_TOO_LARGE. */
  code: string;
  /** Without personal data. */
  message: string;
}

/** A reason longer than this is cut: a dead letter is about the bytes, not a stack of messages. */
const MAX_REASON_CHARS = 1000;
/** Room kept free in every part for what the estimate does not see (JSON digits, header framing). */
const PART_MARGIN_BYTES = 4096;
/** Below this many bytes per part, chunking is pointless: the letter is written as a reference. */
const MIN_PART_BYTES = 16 * 1024;

function letterRecord(record: ConsumedRecord, value: DeadLetter.Value): OutgoingRecord {
  return { key: record.key ?? '', value, headers: record.headers };
}

function letterFields(record: ConsumedRecord, reason: DeadLetterReason) {
  return {
    stage: reason.stage,
    code: reason.code,
    message:
      reason.message.length > MAX_REASON_CHARS ? reason.message.slice(0, MAX_REASON_CHARS) : reason.message,
    sourceTopic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key ?? undefined,
    headers: record.headers,
  };
}

const envelopeOf = (record: ConsumedRecord, now: Date) =>
  envelope(
    record.headers[Header.ReceiptId] ?? `${record.topic}/${record.partition}/${record.offset}`,
    record.headers[Header.TraceParent],
    now,
  );

/**
 * The dead letter for a consumed record: its original bytes, where it came from and why
 * (`DeadLetter.Value`). Bytes that do not fit in one record of the dead-letter topic are written
 * as several records ("parts", see `DeadLetter.PayloadPart`; `DeadLetter.deadLetterBytes` puts them
 * together again); when even a part would not fit, the letter names where the bytes are instead
 * (`deadLetterReference`). Every record it returns fits the dead-letter topic.
 */
export function deadLetterOutput(record: ConsumedRecord, reason: DeadLetterReason): OutputBatch {
  const bytes = record.value ?? Buffer.alloc(0);
  const now = new Date();
  const first = envelopeOf(record, now);
  const fields = letterFields(record, reason);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const payload = { deadLetterId: first.eventId, bytes: bytes.length, sha256 };
  const whole = letterRecord(record, {
    ...first,
    ...fields,
    payloadBase64: bytes.toString('base64'),
    payload: { ...payload, part: 1, parts: 1 },
  });
  if (fitsTopic(Topic.DeadLetter, toMessage(whole))) return { topic: Topic.DeadLetter, records: [whole] };
  // What a part costs besides its bytes: the same letter with no bytes in it.
  const empty = toMessage(
    letterRecord(record, {
      ...first,
      ...fields,
      payloadBase64: '',
      payload: { ...payload, part: 1, parts: 1 },
    }),
  );
  const room = maxMessageBytes(Topic.DeadLetter) - recordBytes(empty) - PART_MARGIN_BYTES;
  // Base64 turns 3 bytes into 4 characters.
  const perPart = Math.floor(room / 4) * 3;
  if (perPart < MIN_PART_BYTES) return deadLetterReference(record, reason);
  const parts = Math.ceil(bytes.length / perPart);
  const records: OutgoingRecord[] = [];
  for (let part = 1; part <= parts; part++) {
    records.push(
      letterRecord(record, {
        ...(part === 1 ? first : envelopeOf(record, now)),
        ...fields,
        payloadBase64: bytes.subarray((part - 1) * perPart, part * perPart).toString('base64'),
        payload: { ...payload, part, parts },
      }),
    );
  }
  return { topic: Topic.DeadLetter, records };
}

/**
 * A dead letter that holds none of the record's bytes, only where they are (the source record,
 * kept for its topic's retention), their length and SHA-256: the last resort when the letter with
 * its bytes could not be written. Small whatever the record.
 */
export function deadLetterReference(record: ConsumedRecord, reason: DeadLetterReason): OutputBatch {
  const bytes = record.value ?? Buffer.alloc(0);
  const first = envelopeOf(record, new Date());
  const headers: Record<string, string> = {};
  for (const name of [Header.ReceiptId, Header.Carrier, Header.TraceParent])
    if (record.headers[name] !== undefined) headers[name] = record.headers[name];
  const value: DeadLetter.Value = {
    ...first,
    ...letterFields(record, reason),
    key: undefined,
    headers,
    payloadBase64: '',
    payload: {
      deadLetterId: first.eventId,
      part: 0,
      parts: 0,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    payloadReference: `${record.topic}/${record.partition}/${record.offset}`,
  };
  return { topic: Topic.DeadLetter, records: [{ key: '', value, headers }] };
}

/** What counts dead letters (the `deadLetters` metric of libs/observability), by stage and code. */
export interface DeadLetterCounter {
  inc(labels: { stage: string; code: string }): void;
}

/**
 * A consumed record that breaks its topic's contract, as `stage`'s dead letter with code
 * INVALID_EVENT (or the stage's own `code`), counted: the one way a consumer that decodes its records itself rejects one.
 * `reason` is the ContractViolation (its message names paths and constraints, never values).
 */
export function invalidEventLetter(
  record: ConsumedRecord,
  stage: DeadLetter.DeadLetterStage,
  reason: unknown,
  counter: DeadLetterCounter,
  code = 'INVALID_EVENT',
): OutputBatch {
  counter.inc({ stage, code });
  return deadLetterOutput(record, {
    stage,
    code,
    message: reason instanceof Error ? reason.message : String(reason),
  });
}
