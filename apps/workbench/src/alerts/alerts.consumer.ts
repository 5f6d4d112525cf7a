import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { DeliverAlertsUseCase } from './deliver-alerts.usecase';

/** The workbench's consumer group on the alerts topic: each alert's webhooks and e-mails, once. */
@Controller()
export class AlertsConsumer {
  constructor(@Inject(DeliverAlertsUseCase) private readonly deliver: DeliverAlertsUseCase) {}

  @EventPattern(Topic.Alerts)
  alerts(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.deliver.execute(records);
  }
}
