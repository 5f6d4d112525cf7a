import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { ObserveMessagesUseCase } from './observe-messages.usecase';

/** Manifest summaries and dead letters go to one use case (it tells them apart by topic). */
@Controller()
export class ObserveMessagesConsumer {
  constructor(@Inject(ObserveMessagesUseCase) private readonly observe: ObserveMessagesUseCase) {}

  @EventPattern(Topic.Manifests)
  manifests(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.observe.execute(records);
  }

  @EventPattern(Topic.DeadLetter)
  deadLetters(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.observe.execute(records);
  }
}
