import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { RecordsWriter } from '@paxscreen/records';

import type { RecordsEnv } from '../records.env';
import { RECORDS_ENV } from '../tokens';

/** Creates the coming months' partitions at start and then daily. */
@Injectable()
export class PartitionMaintenance implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(RecordsWriter) private readonly writer: RecordsWriter,
    @Inject(RECORDS_ENV) env: RecordsEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 'partition check',
      everyMs: env.RECORDS_PARTITION_CHECK_MS,
      tick: () => this.check(),
      logger,
    });
  }

  /** The first check must succeed (the app does not start without this month's partitions). */
  async start(): Promise<void> {
    await this.task.run(() => this.check());
    this.task.start();
  }

  private async check(): Promise<void> {
    const created = await this.writer.ensurePartitions();
    if (created.length > 0) this.logger.info({ created }, 'partitions created');
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
