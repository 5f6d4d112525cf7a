import { Injectable } from '@nestjs/common';

import { carrierAlert } from '@paxscreen/alerts';
import { Alert, CarrierEvent, ContractViolation, newEventId, Topic } from '@paxscreen/contracts';
import { type ConsumedRecord, deadLetterOutput, type OutputBatch } from '@paxscreen/kafka';

/**
 * Turns carrier timeliness events into staff alerts on `Topic.Alerts` (libs/alerts `carrierAlert`):
 * published before the batch's offsets are committed, then delivered by the same live stream,
 * webhooks and e-mail as casework's alerts. An event that is not a valid `CarrierEvent.Value` is
 * dead-lettered with the reason.
 */
@Injectable()
export class RelayCarrierEventsUseCase {
  execute(records: ConsumedRecord[]): OutputBatch[] {
    const alerts: OutputBatch = { topic: Topic.Alerts, records: [] };
    const letters: OutputBatch[] = [];
    for (const record of records) {
      if (!record.value) continue;
      try {
        const alert = carrierAlert(CarrierEvent.decode(record.value), newEventId());
        if (alert) alerts.records.push({ key: Alert.key(alert), value: alert });
      } catch (err) {
        if (!(err instanceof ContractViolation)) throw err;
        letters.push(
          deadLetterOutput(record, {
            stage: 'workbench',
            code: 'CARRIER_EVENT_INVALID',
            message: err.message,
          }),
        );
      }
    }
    return alerts.records.length > 0 ? [alerts, ...letters] : letters;
  }
}
