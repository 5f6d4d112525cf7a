import { createHash } from 'node:crypto';

import type { Value } from './value';

/** The id shared by every record of one dead letter (the event id for a one-record letter of old). */
export function deadLetterIdOf(letter: Pick<Value, 'eventId' | 'payload'>): string {
  return letter.payload?.deadLetterId ?? letter.eventId;
}

/** True for the record that stands for a whole dead letter when counting them (part 1, or the only one). */
export function isFirstPart(letter: Pick<Value, 'payload'>): boolean {
  return (letter.payload?.part ?? 1) <= 1;
}

/** Why the original bytes of a dead letter cannot be given back. */
export class DeadLetterBytesError extends Error {
  constructor(
    readonly code: 'PARTS_MISSING' | 'NOT_IN_KAFKA' | 'CHECKSUM_MISMATCH',
    message: string,
  ) {
    super(message);
    this.name = 'DeadLetterBytesError';
  }
}

/**
 * The original bytes of the dead letter `deadLetterId`, put together from the records read from the
 * dead-letter topic (any order, other letters mixed in), with their length and SHA-256 checked.
 * Throws `DeadLetterBytesError` when a part is missing, when the letter holds no bytes (see its
 * `payloadReference`), or when the bytes do not match.
 */
export function deadLetterBytes(letters: Iterable<Value>, deadLetterId: string): Buffer {
  const parts = new Map<number, Value>();
  let first: Value | undefined;
  for (const letter of letters) {
    if (deadLetterIdOf(letter) !== deadLetterId) continue;
    parts.set(letter.payload?.part ?? 1, letter);
    first ??= letter;
  }
  if (!first) throw new DeadLetterBytesError('PARTS_MISSING', `no record of dead letter ${deadLetterId}`);
  const payload = first.payload;
  // A letter of old: all its bytes in its one record, nothing to check them against.
  if (!payload) return Buffer.from(first.payloadBase64, 'base64');
  if (payload.parts === 0)
    throw new DeadLetterBytesError(
      'NOT_IN_KAFKA',
      `dead letter ${deadLetterId} holds no bytes; they are at ${first.payloadReference ?? '(not recorded)'}`,
    );
  const chunks: Buffer[] = [];
  for (let part = 1; part <= payload.parts; part++) {
    const letter = parts.get(part);
    if (!letter)
      throw new DeadLetterBytesError(
        'PARTS_MISSING',
        `dead letter ${deadLetterId}: part ${part} of ${payload.parts} missing`,
      );
    chunks.push(Buffer.from(letter.payloadBase64, 'base64'));
  }
  const bytes = Buffer.concat(chunks);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length !== payload.bytes || sha256 !== payload.sha256)
    throw new DeadLetterBytesError(
      'CHECKSUM_MISMATCH',
      `dead letter ${deadLetterId}: ${bytes.length} bytes put together, ${payload.bytes} expected, or SHA-256 differs`,
    );
  return bytes;
}
