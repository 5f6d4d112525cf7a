import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { DeliverAlertsUseCase } from './deliver-alerts.usecase';
import { RelayCarrierEventsUseCase } from './relay-carrier-events.usecase';

/**
 * The workbench's consumer group: each alert's webhooks and e-mails, once; and each carrier
 * MISSING / LATE event turned into an alert on the alerts topic (which the above then delivers).
 */
@Controller()
export class AlertsConsumer {
  constructor(
    @Inject(DeliverAlertsUseCase) private readonly deliver: DeliverAlertsUseCase,
    @Inject(RelayCarrierEventsUseCase) private readonly relay: RelayCarrierEventsUseCase,
  ) {}

  @EventPattern(Topic.Alerts)
  alerts(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.deliver.execute(records);
  }

  @EventPattern(Topic.CarrierEvents)
  carrierEvents(@Payload() records: ConsumedRecord[]): OutputBatch[] {
    return this.relay.execute(records);
  }
}
