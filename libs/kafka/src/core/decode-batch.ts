import { ContractViolation, type DeadLetter } from '@paxscreen/contracts';

import { type DeadLetterCounter, invalidEventLetter } from './dead-letter';
import { withoutNul } from './nul';
import type { ConsumedRecord, OutputBatch } from './records';

export interface DecodeBatchOptions {
  stage: DeadLetter.DeadLetterStage;
  /** Counts each dead letter (`Metrics.deadLetters`). */
  counter: DeadLetterCounter;
  /** The dead letters' code: INVALID_EVENT unless the stage documents its own. */
  code?: string;
  /** A record without a value (a tombstone) is passed over instead of dead-lettered. */
  skipEmpty?: boolean;
  /**
   * The handler files what it reads in PostgreSQL, which takes no NUL: `decode` gets the value
   * with each escaped NUL as U+FFFD (`withoutNul`).
   */
  forPostgres?: boolean;
}

export interface DecodedBatch<T> {
  /** The records read, in order, with what `decode` made of them. */
  decoded: { record: ConsumedRecord; value: T }[];
  /** One dead letter per record that broke its contract. */
  letters: OutputBatch[];
}

/**
 * The one way a batch handler reads its records: each value goes through `decode`; a record that
 * breaks its contract (`ContractViolation`) becomes `stage`'s dead letter, counted, and the rest
 * of the batch goes on. Any other error is thrown, so the consumer retries the batch without
 * committing it. `decode` returning `undefined` drops a record the handler has no use for.
 */
export function decodeBatch<T>(
  records: readonly ConsumedRecord[],
  decode: (value: Buffer, record: ConsumedRecord) => T | undefined,
  { stage, counter, code, skipEmpty = false, forPostgres = false }: DecodeBatchOptions,
): DecodedBatch<T> {
  const decoded: DecodedBatch<T>['decoded'] = [];
  const letters: OutputBatch[] = [];
  for (const record of records) {
    if (!record.value && skipEmpty) continue;
    try {
      const bytes = record.value ?? Buffer.alloc(0);
      const value = decode(forPostgres ? withoutNul(bytes) : bytes, record);
      if (value !== undefined) decoded.push({ record, value });
    } catch (err) {
      if (!(err instanceof ContractViolation)) throw err;
      letters.push(invalidEventLetter(record, stage, err, counter, code));
    }
  }
  return { decoded, letters };
}
