import type { Traveller } from '@paxscreen/contracts';

import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

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

/**
 * PNR-derived traveller records, kept for the PNR retention period (TTL) and indexed by age so the
 * masking job finds what is due. Masking replaces the clear record in place; purging deletes it.
 */
export class PnrVault {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly retentionMs: number,
  ) {}

  async putMany(records: PnrRecord[], now = Date.now()): Promise<void> {
    await Promise.all(
      records.flatMap((r) => {
        const ttl = Math.max(1, Math.ceil((r.receivedAt + this.retentionMs - now) / 1000));
        return [
          this.redis.set(this.keys.pnr(r.travellerId), JSON.stringify(r), 'EX', ttl),
          this.redis.zadd(this.keys.pnrIndex(), r.receivedAt, r.travellerId),
          ...(r.masked ? [] : [this.redis.zadd(this.keys.pnrClear(), r.receivedAt, r.travellerId)]),
        ];
      }),
    );
  }

  async get(travellerId: string): Promise<PnrRecord | undefined> {
    const raw = await this.redis.get(this.keys.pnr(travellerId));
    return raw ? (JSON.parse(raw) as PnrRecord) : undefined;
  }

  /** Masks every clear record received before `cutoff` with `mask`; returns how many were masked. */
  async maskReceivedBefore(cutoff: number, mask: (r: PnrRecord) => PnrRecord): Promise<number> {
    const ids = await this.redis.zrangebyscore(this.keys.pnrClear(), '-inf', cutoff);
    let masked = 0;
    for (const id of ids) {
      const key = this.keys.pnr(id);
      const raw = await this.redis.get(key);
      const record = raw ? (JSON.parse(raw) as PnrRecord) : undefined;
      if (record && !record.masked) {
        // KEEPTTL: masking never extends how long the record is kept.
        await this.redis.set(key, JSON.stringify(mask(record)), 'KEEPTTL');
        masked++;
      }
      await this.redis.zrem(this.keys.pnrClear(), id);
    }
    return masked;
  }

  /** Deletes every record received before `cutoff` (the retention period is over). */
  async purgeReceivedBefore(cutoff: number): Promise<number> {
    const ids = await this.redis.zrangebyscore(this.keys.pnrIndex(), '-inf', cutoff);
    await Promise.all(
      ids.flatMap((id) => [
        this.redis.del(this.keys.pnr(id)),
        this.redis.zrem(this.keys.pnrIndex(), id),
        this.redis.zrem(this.keys.pnrClear(), id),
      ]),
    );
    return ids.length;
  }
}
