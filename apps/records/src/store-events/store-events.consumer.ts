import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { StoreEventsUseCase } from './store-events.usecase';

/** Every topic records keeps goes to the same use case (the mapping picks the table by topic). */
@Controller()
export class StoreEventsConsumer {
  constructor(@Inject(StoreEventsUseCase) private readonly store: StoreEventsUseCase) {}

  @EventPattern(Topic.Decisions)
  decisions(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }

  @EventPattern(Topic.Travellers)
  travellers(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }

  @EventPattern(Topic.Manifests)
  manifests(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }

  @EventPattern(Topic.DeadLetter)
  deadLetters(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }

  @EventPattern(Topic.Audit)
  audit(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }

  @EventPattern(Topic.ListVersions)
  listVersions(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.store.execute(records);
  }
}
