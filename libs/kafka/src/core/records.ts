import type { Topic } from '@paxscreen/contracts';

import type { OutgoingRecord } from './producer';

/** A consumed record with its logical topic. */
export interface ConsumedRecord {
  topic: Topic;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Broker timestamp, epoch ms. */
  timestamp: number;
}

/** What a handler wants published for a batch: produced before the batch's offsets are committed. */
export interface OutputBatch {
  topic: Topic;
  records: OutgoingRecord[];
}
