import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord } from '@paxscreen/kafka';

import { ParseMessageUseCase } from './parse-message.usecase';

@Controller()
export class ParseMessageConsumer {
  constructor(@Inject(ParseMessageUseCase) private readonly parse: ParseMessageUseCase) {}

  @EventPattern(Topic.MessagesRaw)
  handle(@Payload() records: ConsumedRecord[]): Promise<void> {
    return this.parse.execute(records);
  }
}
