import type { DateOrder } from '../dates/listed-date.parser';
import type { FindingSink } from './findings';

/** What every reader gets: the list id to stamp on entries, the file name for findings, options. */
export interface ReaderContext {
  listId: string;
  /** File name used in findings' `field` (e.g. `sdn.csv:remarks`). */
  file: string;
  findings: FindingSink;
  dateOrder?: DateOrder;
}

/** What every reader returns; `readList` adds format, digest, encoding and stats. */
export interface ReaderOutput<T> {
  entries: T[];
  rows: number;
  skipped: number;
  publishedAt?: string;
}
