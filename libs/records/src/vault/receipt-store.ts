import { sql } from 'kysely';

import type { Receipt } from '@paxscreen/contracts';
import { jsonb } from '@paxscreen/postgres';

import { ExpiringStore } from './expiring-store';

/**
 * Receipts of carrier messages in PostgreSQL (tables `receipts`, `receipt_claims`), kept for
 * `ttlSeconds` (API data retention): a Redis flush or restart loses none. An expired row is never
 * answered, even before the retention job has deleted it.
 */
export class ReceiptStore extends ExpiringStore {
  async get(receiptId: string): Promise<Receipt | undefined> {
    const row = await this.db
      .selectFrom('receipts')
      .select('receipt')
      .where('receipt_id', '=', receiptId)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? (row.receipt as Receipt) : undefined;
  }

  /** Files a receipt (or replaces it: a new expiry counts from now, as Redis' SET EX did). */
  async put(receipt: Receipt): Promise<void> {
    const row = {
      receipt_id: receipt.receiptId,
      carrier: receipt.carrier,
      receipt: jsonb(receipt),
      expires_at: this.expiry(),
    };
    await this.db
      .insertInto('receipts')
      .values(row)
      .onConflict((oc) =>
        oc.column('receipt_id').doUpdateSet({
          carrier: row.carrier,
          receipt: row.receipt,
          expires_at: row.expires_at,
        }),
      )
      .execute();
  }

  /** Applies `patch` to a stored receipt (the parser is the only writer after the gateway). */
  async update(receiptId: string, patch: Partial<Receipt>): Promise<Receipt | undefined> {
    const patched = { ...patch, updatedAt: this.now().toISOString() };
    // One statement: concurrent patches of one receipt (parts of a message) never lose each other.
    const row = await this.db
      .updateTable('receipts')
      .set({
        receipt: sql<string>`receipt || ${jsonb(patched)}::jsonb`,
        expires_at: this.expiry(),
      })
      .where('receipt_id', '=', receiptId)
      .where('expires_at', '>', this.now())
      .returning('receipt')
      .executeTakeFirst();
    return row ? (row.receipt as Receipt) : undefined;
  }

  /**
   * Claims `receiptId` for a carrier's bytes (by digest) or Idempotency-Key. Returns the receipt id
   * that already holds the claim when there is one (a repeat), else undefined (this one is new).
   * An expired claim is taken over.
   */
  async claim(key: string, receiptId: string): Promise<string | undefined> {
    const taken = await this.db
      .insertInto('receipt_claims')
      .values({ claim: key, receipt_id: receiptId, expires_at: this.expiry() })
      .onConflict((oc) =>
        oc
          .column('claim')
          .doUpdateSet({ receipt_id: receiptId, expires_at: this.expiry() })
          .where('receipt_claims.expires_at', '<=', this.now()),
      )
      .returning('receipt_id')
      .executeTakeFirst();
    if (taken) return undefined;
    const holder = await this.db
      .selectFrom('receipt_claims')
      .select('receipt_id')
      .where('claim', '=', key)
      .executeTakeFirst();
    return holder?.receipt_id;
  }

  async release(key: string, receiptId: string): Promise<void> {
    await this.db
      .deleteFrom('receipt_claims')
      .where('claim', '=', key)
      .where('receipt_id', '=', receiptId)
      .execute();
  }

  /** Records that Kafka acknowledged the receipt's bytes. */
  async markStored(receiptId: string): Promise<void> {
    await this.db.updateTable('receipts').set({ stored: true }).where('receipt_id', '=', receiptId).execute();
  }

  async isStored(receiptId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('receipts')
      .select('stored')
      .where('receipt_id', '=', receiptId)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row?.stored === true;
  }

  /**
   * Whether the raw record at `source` (`partition/offset`) is the one to read for this receipt:
   * true for the first record claimed (and for that same record read again), false for a later copy
   * of the same receipt (the gateway sent the bytes again because it never saw Kafka's ack).
   * A receipt the store does not hold (expired) is read: nothing says another copy was.
   */
  async claimSource(receiptId: string, source: string): Promise<boolean> {
    const row = await this.db
      .updateTable('receipts')
      .set({ source: sql<string>`coalesce(source, ${source})` })
      .where('receipt_id', '=', receiptId)
      .returning('source')
      .executeTakeFirst();
    return row ? row.source === source : true;
  }

  /** Deletes receipts and claims past their period; returns how many receipts. */
  async purgeExpired(): Promise<number> {
    await this.db.deleteFrom('receipt_claims').where('expires_at', '<=', this.now()).execute();
    const result = await this.db
      .deleteFrom('receipts')
      .where('expires_at', '<=', this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
