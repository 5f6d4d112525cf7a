import { Finding } from './finding';
import { MessageType } from './codes';
import type { TypeBEnvelope } from './type-b';

export const RECEIPT_STATUSES = ['RECEIVED', 'AWAITING_PARTS', 'PARSED', 'REJECTED', 'DUPLICATE'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** What a carrier sees for a submitted message (`GET /v1/messages/:id`). Stored in Redis. */
export interface Receipt {
  receiptId: string;
  carrier: string;
  status: ReceiptStatus;
  receivedAt: string;
  updatedAt: string;
  contentType?: string;
  size: number;
  /** SHA-256 of the bytes, hex: the same bytes twice give the same receipt. */
  digest: string;
  /** The Type B envelope the message came in (addresses, message identity), when it had one. */
  typeB?: TypeBEnvelope;
  messageType?: MessageType;
  manifestId?: string;
  manifestVersion?: number;
  counts?: { travellers: number; passengers: number; crew: number; errors: number; warnings: number };
  findings?: Finding[];
  /** Why a message was rejected: stable code + message (no personal data). */
  rejection?: { code: string; message: string };
}
