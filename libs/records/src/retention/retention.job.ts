import { Kysely, sql } from 'kysely';

import type { RecordsDatabase } from '../schema';
import { cutoffDay, partitionsPast, RetentionPeriods } from './retention-policy';

/** What one retention run did to one data class (the run's audit record carries all of them). */
export interface RetentionOutcome {
  /** First day still kept (rows dated before it were past their period). */
  cutoff: string;
  /** Whole monthly partitions dropped (every day in them was past). */
  partitionsDropped: string[];
  /** Rows in the dropped partitions. */
  rowsDropped: number;
  /** Past rows in kept partitions: masked in place (API data) or deleted (the others). */
  rowsMasked: number;
  rowsDeleted: number;
  /** Decisions only: the searchable names whose last decision was past the period (deleted). */
  namesDeleted?: number;
}

export interface RetentionReport {
  at: string;
  api: RetentionOutcome;
  decisions: RetentionOutcome;
  audit: RetentionOutcome;
  pnr: RetentionOutcome;
  receipts: RetentionOutcome;
}

const empty = (cutoff: string): RetentionOutcome => ({
  cutoff,
  partitionsDropped: [],
  rowsDropped: 0,
  rowsMasked: 0,
  rowsDeleted: 0,
});

/**
 * The retention job of the system of record: per data class, whole months past the period are
 * dropped (a partition detached and dropped: no row-by-row delete, no bloat), and the past rows of
 * the months that are partly kept are masked (API traveller data) or deleted (decisions, audit).
 * PNR records past the PNR period and expired receipts are deleted. The clock is a parameter:
 * a test runs the job "in 2031".
 */
export class RetentionJob {
  constructor(private readonly db: Kysely<RecordsDatabase>) {}

  async run(periods: RetentionPeriods, now = new Date()): Promise<RetentionReport> {
    const api = await this.dropPartitions('travellers', cutoffDay(now, periods.apiDays));
    const r = await sql<{ n: string }>`
      with masked as (
        update travellers set surname = '', given_names = '', name_search = '', name_skeleton = '',
          date_of_birth = null, nationality = null, document_keys = '{}', documents = '[]'::jsonb,
          pnr_locator = null, masked_at = ${now.toISOString()}
        where travel_date < ${api.cutoff}::date and masked_at is null
        returning 1)
      select count(*)::text as n from masked`.execute(this.db);
    api.rowsMasked = Number(r.rows[0].n);

    const decisions = await this.dropPartitions('decisions', cutoffDay(now, periods.decisionsDays));
    decisions.rowsDeleted = Number(
      (await this.db.deleteFrom('decisions').where('travel_date', '<', decisions.cutoff).executeTakeFirst())
        .numDeletedRows,
    );
    // "Superseded" marks go with the decision that made them (ids only, no personal data).
    await this.db.deleteFrom('superseded_decisions').where('travel_date', '<', decisions.cutoff).execute();
    // A name is kept for search while a decision carries it: its latest travel date says until when.
    decisions.namesDeleted = Number(
      (
        await this.db
          .deleteFrom('decision_names')
          .where('last_travel_date', '<', decisions.cutoff)
          .executeTakeFirst()
      ).numDeletedRows,
    );

    const audit = await this.dropPartitions('audit_events', cutoffDay(now, periods.auditDays));
    audit.rowsDeleted = Number(
      (await this.db.deleteFrom('audit_events').where('occurred_on', '<', audit.cutoff).executeTakeFirst())
        .numDeletedRows,
    );

    const pnr = empty(cutoffDay(now, periods.pnrDays));
    pnr.rowsDeleted = Number(
      (
        await this.db
          .deleteFrom('pnr_records')
          .where('received_at', '<', new Date(pnr.cutoff))
          .executeTakeFirst()
      ).numDeletedRows,
    );

    // Receipts carry their own expiry (RECEIPT_TTL_HOURS, set by the gateway).
    const receipts = empty(now.toISOString());
    await this.db.deleteFrom('receipt_claims').where('expires_at', '<=', now).execute();
    receipts.rowsDeleted = Number(
      (await this.db.deleteFrom('receipts').where('expires_at', '<=', now).executeTakeFirst()).numDeletedRows,
    );
    return { at: now.toISOString(), api, decisions, audit, pnr, receipts };
  }

  /** Detaches and drops the months of `table` wholly before `cutoff` that hold rows. */
  private async dropPartitions(table: string, cutoff: string): Promise<RetentionOutcome> {
    const outcome = empty(cutoff);
    const parts = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
        join pg_namespace s on s.oid = p.relnamespace
      where p.relname = ${table} and s.nspname = current_schema()`.execute(this.db);
    for (const name of partitionsPast(
      table,
      parts.rows.map((p) => p.name),
      cutoff,
    )) {
      const count = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(name)}`.execute(
        this.db,
      );
      const rows = Number(count.rows[0].n);
      // An empty past month is left alone: the daily partition check makes last month again.
      if (rows === 0) continue;
      await this.db.transaction().execute(async (tx) => {
        await sql`alter table ${sql.id(table)} detach partition ${sql.id(name)}`.execute(tx);
        await sql`drop table ${sql.id(name)}`.execute(tx);
      });
      outcome.partitionsDropped.push(name);
      outcome.rowsDropped += rows;
    }
    return outcome;
  }
}

/** A retention report as the flat details of an audit record. */
export function retentionAuditDetails(report: RetentionReport): Record<string, string | number> {
  const details: Record<string, string | number> = {};
  for (const cls of ['api', 'decisions', 'audit', 'pnr', 'receipts'] as const) {
    const o = report[cls];
    details[`${cls}.cutoff`] = o.cutoff;
    details[`${cls}.partitionsDropped`] = o.partitionsDropped.join(',');
    details[`${cls}.rowsDropped`] = o.rowsDropped;
    details[`${cls}.rowsMasked`] = o.rowsMasked;
    details[`${cls}.rowsDeleted`] = o.rowsDeleted;
    if (o.namesDeleted !== undefined) details[`${cls}.namesDeleted`] = o.namesDeleted;
  }
  return details;
}
