import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { IAPI_TRANSPORT } from '../tokens';
import { IapiRequestUseCase } from './iapi-request.usecase';

@Controller()
export class IapiRequestConsumer {
  constructor(@Inject(IapiRequestUseCase) private readonly iapi: IapiRequestUseCase) {}

  @EventPattern(Topic.IapiRequests, IAPI_TRANSPORT)
  handle(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.iapi.execute(records);
  }
}
