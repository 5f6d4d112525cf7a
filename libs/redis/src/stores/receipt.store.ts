import type { Receipt } from '@paxscreen/contracts';

import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/** Receipts of carrier messages, kept for `ttlSeconds` (API data retention). */
export class ReceiptStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async get(receiptId: string): Promise<Receipt | undefined> {
    const raw = await this.redis.get(this.keys.receipt(receiptId));
    return raw ? (JSON.parse(raw) as Receipt) : undefined;
  }

  async put(receipt: Receipt): Promise<void> {
    await this.redis.set(
      this.keys.receipt(receipt.receiptId),
      JSON.stringify(receipt),
      'EX',
      this.ttlSeconds,
    );
  }

  /** Applies `patch` to a stored receipt (the parser is the only writer after the gateway). */
  async update(receiptId: string, patch: Partial<Receipt>): Promise<Receipt | undefined> {
    const current = await this.get(receiptId);
    if (!current) return undefined;
    const next: Receipt = { ...current, ...patch, updatedAt: new Date().toISOString() };
    await this.put(next);
    return next;
  }

  /**
   * Claims `receiptId` for a carrier's bytes (by digest) or Idempotency-Key. Returns the receipt id
   * that already holds the claim when there is one (a repeat), else undefined (this one is new).
   */
  async claim(key: string, receiptId: string): Promise<string | undefined> {
    const ok = await this.redis.set(key, receiptId, 'EX', this.ttlSeconds, 'NX');
    if (ok === 'OK') return undefined;
    return (await this.redis.get(key)) ?? undefined;
  }

  async release(key: string, receiptId: string): Promise<void> {
    if ((await this.redis.get(key)) === receiptId) await this.redis.del(key);
  }

  /** Records that Kafka acknowledged the receipt's bytes. */
  async markStored(receiptId: string): Promise<void> {
    await this.redis.set(this.keys.receiptStored(receiptId), '1', 'EX', this.ttlSeconds);
  }

  async isStored(receiptId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.receiptStored(receiptId))) === 1;
  }

  /**
   * Whether the raw record at `source` (`partition/offset`) is the one to read for this receipt:
   * true for the first record claimed (and for that same record read again), false for a later copy
   * of the same receipt (the gateway sent the bytes again because it never saw Kafka's ack).
   */
  async claimSource(receiptId: string, source: string): Promise<boolean> {
    const key = this.keys.receiptSource(receiptId);
    if ((await this.redis.set(key, source, 'EX', this.ttlSeconds, 'NX')) === 'OK') return true;
    return (await this.redis.get(key)) === source;
  }
}
