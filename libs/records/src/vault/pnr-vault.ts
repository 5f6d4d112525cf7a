import { Kysely, sql } from 'kysely';

import type { Traveller } from '@paxscreen/contracts';
import { jsonb } from '@paxscreen/postgres';

import type { RecordsDatabase } from '../schema';

export interface PnrRecord {
  travellerId: string;
  manifestId: string;
  /** Epoch ms the PNR was received: masking and purging count from here. */
  receivedAt: number;
  masked: boolean;
  /** Clear before masking; the depersonalised view after. */
  traveller: Traveller;
  /** After masking: the full record, sealed (only an authorised unmasking opens it). */
  sealed?: string;
}

/** How many records one masking transaction handles (the job loops until none is due). */
const MASK_BATCH = 500;

/**
 * PNR-derived traveller records in PostgreSQL (table `pnr_records`), kept for the PNR retention
 * period. Masking replaces the clear record in place (the full one only sealed); purging deletes
 * it. A record past its retention period is never answered, even before the purge has run.
 */
export class PnrVault {
  constructor(
    private readonly db: Kysely<RecordsDatabase>,
    private readonly retentionMs: number,
  ) {}

  /** Files (or replaces, for a newer push of the same traveller) PNR records. */
  async putMany(records: PnrRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db
      .insertInto('pnr_records')
      .values(
        records.map((r) => ({
          traveller_id: r.travellerId,
          manifest_id: r.manifestId,
          received_at: new Date(r.receivedAt).toISOString(),
          masked: r.masked,
          traveller: jsonb(r.traveller),
          sealed: r.sealed ?? null,
        })),
      )
      .onConflict((oc) =>
        oc.column('traveller_id').doUpdateSet((eb) => ({
          manifest_id: eb.ref('excluded.manifest_id'),
          received_at: eb.ref('excluded.received_at'),
          masked: eb.ref('excluded.masked'),
          traveller: eb.ref('excluded.traveller'),
          sealed: eb.ref('excluded.sealed'),
        })),
      )
      .execute();
  }

  async get(travellerId: string, now = Date.now()): Promise<PnrRecord | undefined> {
    const row = await this.db
      .selectFrom('pnr_records')
      .selectAll()
      .where('traveller_id', '=', travellerId)
      .where('received_at', '>', new Date(now - this.retentionMs))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      travellerId: row.traveller_id,
      manifestId: row.manifest_id,
      receivedAt: row.received_at.getTime(),
      masked: row.masked,
      traveller: row.traveller as Traveller,
      ...(row.sealed ? { sealed: row.sealed } : {}),
    };
  }

  /** Masks every clear record received before `cutoff` with `mask`; returns how many were masked. */
  async maskReceivedBefore(cutoff: number, mask: (r: PnrRecord) => PnrRecord): Promise<number> {
    let masked = 0;
    for (;;) {
      const done = await this.db.transaction().execute(async (trx) => {
        // SKIP LOCKED: two parsers running the job mask disjoint records.
        const rows = await trx
          .selectFrom('pnr_records')
          .selectAll()
          .where('masked', '=', false)
          .where('received_at', '<=', new Date(cutoff))
          .orderBy('received_at')
          .limit(MASK_BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of rows) {
          const next = mask({
            travellerId: row.traveller_id,
            manifestId: row.manifest_id,
            receivedAt: row.received_at.getTime(),
            masked: false,
            traveller: row.traveller as Traveller,
          });
          await trx
            .updateTable('pnr_records')
            .set({ masked: true, traveller: jsonb(next.traveller), sealed: next.sealed ?? null })
            .where('traveller_id', '=', row.traveller_id)
            .execute();
        }
        return rows.length;
      });
      masked += done;
      if (done < MASK_BATCH) return masked;
    }
  }

  /** Deletes every record received before `cutoff` (the retention period is over). */
  async purgeReceivedBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('pnr_records')
      .where('received_at', '<', new Date(cutoff))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** How many records are kept, clear and masked (retention reports, tests). */
  async counts(): Promise<{ clear: number; masked: number }> {
    const row = await this.db
      .selectFrom('pnr_records')
      .select([
        sql<string>`count(*) filter (where not masked)`.as('clear'),
        sql<string>`count(*) filter (where masked)`.as('masked'),
      ])
      .executeTakeFirstOrThrow();
    return { clear: Number(row.clear), masked: Number(row.masked) };
  }
}
