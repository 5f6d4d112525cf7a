import { Inject, Injectable } from '@nestjs/common';

import { carrierAlert } from '@paxscreen/alerts';
import { Alert, CarrierEvent, newEventId, Topic } from '@paxscreen/contracts';
import { type ConsumedRecord, decodeBatch, type OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';

/**
 * Turns carrier timeliness events into staff alerts on `Topic.Alerts` (libs/alerts `carrierAlert`):
 * published before the batch's offsets are committed, then delivered by the same live stream,
 * webhooks and e-mail as casework's alerts. An event that is not a valid `CarrierEvent.Value` is
 * dead-lettered with the reason.
 */
@Injectable()
export class RelayCarrierEventsUseCase {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  execute(records: ConsumedRecord[]): OutputBatch[] {
    const { decoded, letters } = decodeBatch(
      records,
      (value) => carrierAlert(CarrierEvent.decode(value), newEventId()),
      {
        stage: 'workbench',
        code: 'CARRIER_EVENT_INVALID',
        counter: this.metrics.deadLetters,
        skipEmpty: true,
      },
    );
    if (decoded.length === 0) return letters;
    const alerts = decoded.map(({ value: alert }) => ({ key: Alert.key(alert), value: alert }));
    return [{ topic: Topic.Alerts, records: alerts }, ...letters];
  }
}
