import type { Kysely } from 'kysely';

import { ensureMonthlyPartitions, insertIgnoringDuplicates } from '@paxscreen/postgres';

import { fileImpliedSupersession } from './current/implied-supersession';
import type { RecordRows } from './mapping/batch';
import { decisionNameRows, supersededRows, upsertDecisionNames } from './names/decision-names';
import { PARTITIONED_TABLES, RecordsDatabase } from './schema';

export type RowCounts = Record<keyof RecordRows, number> & { names: number; superseded: number };

/**
 * Writes a batch's rows in one transaction, one multi-row statement per table (or a few, under
 * the parameter limit), ignoring rows already there: a replayed batch inserts nothing.
 * Decisions are written after travellers and manifests, so a reader that sees a decision also
 * sees the traveller event it came from when both were in the same batch.
 */
export class RecordsWriter {
  constructor(private readonly db: Kysely<RecordsDatabase>) {}

  async write(rows: RecordRows): Promise<RowCounts> {
    return this.db.transaction().execute(async (tx) => ({
      travellers: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'travellers', rows.travellers),
      manifests: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'manifests', rows.manifests),
      findings: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'data_quality_findings', rows.findings),
      decisions: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'decisions', rows.decisions),
      // The names name search reads and the ids no longer current, with the decisions themselves.
      names: await upsertDecisionNames(tx, decisionNameRows(rows.decisions)),
      superseded:
        (await insertIgnoringDuplicates<RecordsDatabase>(
          tx,
          'superseded_decisions',
          supersededRows(rows.decisions),
        )) +
        // A traveller screened again while the hot path was empty: superseded all the same.
        (await fileImpliedSupersession(tx, rows.decisions)),
      deadLetters: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'dead_letters', rows.deadLetters),
      audit: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'audit_events', rows.audit),
      listVersions: await insertIgnoringDuplicates<RecordsDatabase>(tx, 'list_versions', rows.listVersions),
    }));
  }

  /**
   * Monthly partitions from last month to three months ahead for every partitioned table (at start
   * and daily); rows outside them land in the default partition.
   */
  async ensurePartitions(around = new Date()): Promise<string[]> {
    const created: string[] = [];
    for (const table of PARTITIONED_TABLES)
      created.push(...(await ensureMonthlyPartitions(this.db as Kysely<unknown>, table, { around })));
    return created;
  }
}
