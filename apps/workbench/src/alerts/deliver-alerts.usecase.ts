import { Inject, Injectable } from '@nestjs/common';
import { withoutNul } from '@paxscreen/postgres';

import type { ReadAlert } from '@paxscreen/alerts';
import { Alert, ContractViolation, decodeEvent } from '@paxscreen/contracts';
import { type ConsumedRecord, deadLetterOutput, type OutputBatch } from '@paxscreen/kafka';

import { AlertDeliveryService } from './alert-delivery.service';

/**
 * Files the webhook and e-mail deliveries a batch of alerts owes (in PostgreSQL, before the batch's
 * offsets are committed: a crash loses none) and starts them. An alert that is not a valid
 * `Alert.Value` is dead-lettered with the reason; PostgreSQL being away fails the batch, which the
 * consumer retries.
 */
@Injectable()
export class DeliverAlertsUseCase {
  constructor(@Inject(AlertDeliveryService) private readonly service: AlertDeliveryService) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const valid: ReadAlert[] = [];
    const letters: OutputBatch[] = [];
    for (const record of records) {
      if (!record.value) continue;
      try {
        valid.push({
          alert: decodeEvent(Alert.Value, withoutNul(record.value)),
          partition: record.partition,
          offset: record.offset,
        });
      } catch (err) {
        if (!(err instanceof ContractViolation)) throw err;
        letters.push(
          deadLetterOutput(record, { stage: 'workbench', code: 'ALERT_INVALID', message: err.message }),
        );
      }
    }
    await this.service.delivery.accept(valid);
    return letters;
  }
}
