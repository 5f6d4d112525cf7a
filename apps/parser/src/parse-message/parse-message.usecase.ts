import { Inject, Injectable } from '@nestjs/common';

import { Header, Receipt } from '@paxscreen/contracts';
import { sniffMessage } from '@paxscreen/edifact';
import type { ConsumedRecord } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import { ReceiptStore } from '@paxscreen/redis';

/** Reads raw carrier messages and records the outcome on their receipts. */
@Injectable()
export class ParseMessageUseCase {
  constructor(
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<void> {
    for (const record of records) {
      const receiptId = record.headers[Header.ReceiptId];
      if (!receiptId || !record.value) continue;
      const sniffed = sniffMessage(record.value);
      const patch: Partial<Receipt> =
        sniffed.kind === 'UNKNOWN'
          ? { status: 'REJECTED', rejection: { code: 'UNSUPPORTED_CONTENT', message: 'not EDIFACT or JSON' } }
          : {
              status: 'PARSED',
              messageType:
                sniffed.messageType === 'PNRGOV' ? 'PNRGOV' : sniffed.kind === 'JSON' ? 'JSON' : 'PAXLST',
            };
      await this.receipts.update(receiptId, patch);
      this.metrics.travellersParsed.inc({ type: patch.messageType ?? 'UNKNOWN' }, 0);
    }
  }
}
