import { DeadLetter, envelope, Header, Topic } from '@paxscreen/contracts';

import type { ConsumedRecord, OutputBatch } from './consumer';

export interface DeadLetterReason {
  stage: DeadLetter.DeadLetterStage;
  /** Stable code, e.g. EDIFACT_SYNTAX, CARRIER_MISMATCH, HANDLER_FAILED. */
  code: string;
  /** Without personal data. */
  message: string;
}

/** The dead-letter record for a consumed record: its original bytes, where it came from and why. */
export function deadLetterOutput(record: ConsumedRecord, reason: DeadLetterReason): OutputBatch {
  const value: DeadLetter.Value = {
    ...envelope(
      record.headers[Header.ReceiptId] ?? `${record.topic}/${record.partition}/${record.offset}`,
      record.headers[Header.TraceParent],
    ),
    stage: reason.stage,
    code: reason.code,
    message: reason.message,
    sourceTopic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key ?? undefined,
    headers: record.headers,
    payloadBase64: record.value ? record.value.toString('base64') : '',
  };
  return { topic: Topic.DeadLetter, records: [{ key: record.key ?? '', value, headers: record.headers }] };
}
