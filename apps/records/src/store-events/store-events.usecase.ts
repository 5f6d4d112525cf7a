import { Inject, Injectable } from '@nestjs/common';

import { ConsumedRecord, invalidEventLetter, OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import { RecordsWriter, rowsFor } from '@paxscreen/records';

/**
 * Stores a batch of events as rows (one transaction; a replay inserts nothing). Events that break
 * their contract become dead letters; PostgreSQL being unavailable is thrown, so the consumer
 * waits and tries again without committing the offsets (nothing is lost).
 */
@Injectable()
export class StoreEventsUseCase {
  constructor(
    @Inject(RecordsWriter) private readonly writer: RecordsWriter,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const { rows, rejected } = rowsFor(records);
    await this.writer.write(rows);
    return rejected.map(({ record, reason }) =>
      invalidEventLetter(record, 'records', reason, this.metrics.deadLetters),
    );
  }
}
