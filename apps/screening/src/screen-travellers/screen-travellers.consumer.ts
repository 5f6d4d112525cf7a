import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { TRAVELLERS_TRANSPORT } from '../tokens';
import { ScreenTravellersUseCase } from './screen-travellers.usecase';

@Controller()
export class ScreenTravellersConsumer {
  constructor(@Inject(ScreenTravellersUseCase) private readonly screen: ScreenTravellersUseCase) {}

  @EventPattern(Topic.Travellers, TRAVELLERS_TRANSPORT)
  handle(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.screen.execute(records);
  }
}
