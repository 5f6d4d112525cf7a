import { randomUUID } from 'node:crypto';

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { RetentionJob, type RetentionReport, retentionAuditDetails } from '@paxscreen/records';

import type { RecordsEnv } from '../records.env';
import { SearchAudit } from '../search/search-audit';
import { RECORDS_ENV } from '../tokens';

/** Who a retention run is in the audit trail. */
export const RETENTION_ACTOR = { subject: 'paxscreen-records-retention', roles: [] };

/**
 * Runs the retention job (libs/records) every RECORDS_RETENTION_CHECK_MS and audits each run:
 * per data class the cutoff, the partitions dropped and the rows dropped, masked or deleted.
 * One run at a time in this process; two instances running together only find less to do.
 */
@Injectable()
export class RetentionService implements OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(RetentionJob) private readonly job: RetentionJob,
    @Inject(SearchAudit) private readonly audit: SearchAudit,
    @Inject(RECORDS_ENV) private readonly env: RecordsEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.task = new PeriodicTask({
      name: 'retention run',
      everyMs: env.RECORDS_RETENTION_CHECK_MS,
      tick: () => this.runOnce(new Date()),
      logger,
    });
  }

  start(): void {
    this.task.start();
  }

  /** One run at `now` (a test passes its own clock), audited; after the run in progress, if any. */
  run(now = new Date()): Promise<RetentionReport> {
    return this.task.run(() => this.runOnce(now));
  }

  private async runOnce(now: Date): Promise<RetentionReport> {
    const report = await this.job.run(
      {
        apiDays: this.env.RETENTION_API_DAYS,
        decisionsDays: this.env.RETENTION_DECISIONS_DAYS,
        auditDays: this.env.RETENTION_AUDIT_DAYS,
        pnrDays: this.env.PNR_RETENTION_DAYS,
      },
      now,
    );
    const removed = (['api', 'decisions', 'audit', 'pnr', 'receipts'] as const).reduce(
      (n, c) => n + report[c].rowsDropped + report[c].rowsMasked + report[c].rowsDeleted,
      0,
    );
    await this.audit.record(RETENTION_ACTOR, randomUUID(), {
      action: 'RETENTION_RUN',
      target: 'retention',
      outcome: removed > 0 ? 'APPLIED' : 'NOTHING_DUE',
      details: retentionAuditDetails(report),
    });
    this.logger.info({ removed, at: report.at }, 'retention run done');
    return report;
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
