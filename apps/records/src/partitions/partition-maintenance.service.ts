import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { LOGGER, type Logger } from '@paxscreen/observability';
import { RecordsWriter } from '@paxscreen/records';

import type { RecordsEnv } from '../records.env';
import { RECORDS_ENV } from '../tokens';

/** Creates the coming months' partitions at start and then daily. */
@Injectable()
export class PartitionMaintenance implements OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(RecordsWriter) private readonly writer: RecordsWriter,
    @Inject(RECORDS_ENV) private readonly env: RecordsEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => {
      this.check().catch((err: unknown) =>
        this.logger.error({ err }, 'partition check failed; next run retries'),
      );
    }, this.env.RECORDS_PARTITION_CHECK_MS);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    const created = await this.writer.ensurePartitions();
    if (created.length > 0) this.logger.info({ created }, 'partitions created');
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
