import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic } from '@paxscreen/contracts';
import type { ConsumedRecord, OutputBatch } from '@paxscreen/kafka';

import { IngestDecisionsUseCase } from './ingest-decisions.usecase';

/** Every decision (first screenings, re-vets, iAPI) may open or update a hit. */
@Controller()
export class IngestDecisionsConsumer {
  constructor(@Inject(IngestDecisionsUseCase) private readonly ingest: IngestDecisionsUseCase) {}

  @EventPattern(Topic.Decisions)
  decisions(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.ingest.execute(records);
  }

  /** PNR travellers (booking, contacts, payment) for the co-travellers of a hit. */
  @EventPattern(Topic.Travellers)
  travellers(@Payload() records: ConsumedRecord[]): Promise<OutputBatch[]> {
    return this.ingest.executeTravellers(records);
  }
}
