import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { ParseMessageUseCase } from './parse-message.usecase';

@Controller()
export class ParseMessageConsumer {
  constructor(@Inject(ParseMessageUseCase) private readonly parse: ParseMessageUseCase) {}

  @EventPattern(Topic.MessagesRaw)
  handle(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.parse.execute(records);
  }
}
