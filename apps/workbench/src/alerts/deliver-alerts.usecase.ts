import { Inject, Injectable } from '@nestjs/common';

import type { ReadAlert } from '@paxscreen/alerts';
import { Alert, decodeEvent } from '@paxscreen/contracts';
import { type ConsumedRecord, decodeBatch, type OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';

import { AlertDeliveryService } from './alert-delivery.service';

/**
 * Files the webhook and e-mail deliveries a batch of alerts owes (in PostgreSQL, before the batch's
 * offsets are committed: a crash loses none) and starts them. An alert that is not a valid
 * `Alert.Value` is dead-lettered with the reason; PostgreSQL being away fails the batch, which the
 * consumer retries.
 */
@Injectable()
export class DeliverAlertsUseCase {
  constructor(
    @Inject(AlertDeliveryService) private readonly service: AlertDeliveryService,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const { decoded, letters } = decodeBatch(
      records,
      (value, record): ReadAlert => ({
        alert: decodeEvent(Alert.Value, value),
        partition: record.partition,
        offset: record.offset,
      }),
      {
        stage: 'workbench',
        code: 'ALERT_INVALID',
        counter: this.metrics.deadLetters,
        skipEmpty: true,
        forPostgres: true,
      },
    );
    await this.service.delivery.accept(decoded.map((d) => d.value));
    return letters;
  }
}
