import { Inject, Injectable } from '@nestjs/common';

import { type ConsumedRecord, decodeBatch, type OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import { addRows, emptyRows, RecordsWriter } from '@paxscreen/records';

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
    const rows = emptyRows();
    const { letters } = decodeBatch(records, (bytes, record) => addRows(rows, record, bytes), {
      stage: 'records',
      counter: this.metrics.deadLetters,
      forPostgres: true,
    });
    await this.writer.write(rows);
    return letters;
  }
}
