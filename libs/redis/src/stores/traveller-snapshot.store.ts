import type { Traveller } from '@paxscreen/contracts';

import { BulkCommands } from '../core/bulk';
import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/** What re-vetting needs to screen a traveller again, kept only for the re-vetting window. */
export interface TravellerSnapshot {
  traveller: Traveller;
  manifestId: string;
  correlationId: string;
  /** Partition of the travellers topic the traveller came from: the owner of that partition re-vets it. */
  partition: number;
  /** Epoch ms of arrival (else departure) of the reported flight. */
  arrivesAt: number;
}

/**
 * What a rebuild of the re-vetting index writes back, from traveller events in topic order
 * (`writtenAt`: when each was published): the latest snapshot per traveller, with what is left of
 * its lifetime (`ttlSeconds` from `writtenAt`), those whose lifetime is over left out.
 */
export function snapshotsToRefill(
  entries: { snapshot: TravellerSnapshot; writtenAt: number }[],
  ttlSeconds: number,
  now: number,
): { snapshot: TravellerSnapshot; ttl: number }[] {
  const latest = new Map<string, { snapshot: TravellerSnapshot; writtenAt: number }>();
  for (const e of entries) latest.set(e.snapshot.traveller.travellerId, e);
  return [...latest.values()]
    .map((e) => ({ snapshot: e.snapshot, ttl: Math.floor((e.writtenAt + ttlSeconds * 1000 - now) / 1000) }))
    .filter((e) => e.ttl > 0);
}

/**
 * Travellers by arrival time (sorted set) plus one snapshot per traveller, both expiring after the
 * re-vetting window: API data is kept only as long as it is needed to re-screen.
 */
export class TravellerSnapshotStore {
  private readonly bulk: BulkCommands;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.bulk = new BulkCommands(redis);
  }

  async putMany(snapshots: TravellerSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    // One ZADD for the batch's arrivals (one key), not one command per traveller.
    const arrivals = snapshots.flatMap((s) => [s.arrivesAt, s.traveller.travellerId]);
    await Promise.all([
      this.bulk.setEx(
        snapshots.map((s) => [this.keys.travellerSnapshot(s.traveller.travellerId), JSON.stringify(s)]),
        this.ttlSeconds,
      ),
      this.redis.zadd(this.keys.arrivals(), ...arrivals),
    ]);
  }

  /** Whether the index holds what the travellers topic gave it (its marker survived). */
  async filled(): Promise<boolean> {
    return (await this.redis.exists(this.keys.revetFilled())) === 1;
  }

  async markFilled(now = Date.now()): Promise<void> {
    await this.redis.set(this.keys.revetFilled(), new Date(now).toISOString());
  }

  /**
   * Rebuilds the index after Redis lost it, from the traveller events of the last `ttlSeconds`
   * (`writtenAt`: when each was published, in topic order): the latest snapshot per traveller,
   * kept for what is left of its time (as if written then), and only where no snapshot exists
   * (SET NX: what screening wrote meanwhile is newer). Returns how many were written.
   */
  async refill(
    entries: { snapshot: TravellerSnapshot; writtenAt: number }[],
    now = Date.now(),
  ): Promise<number> {
    const kept = snapshotsToRefill(entries, this.ttlSeconds, now);
    if (kept.length === 0) return 0;
    const pipeline = this.redis.pipeline();
    for (const { snapshot, ttl } of kept)
      pipeline.set(
        this.keys.travellerSnapshot(snapshot.traveller.travellerId),
        JSON.stringify(snapshot),
        'EX',
        ttl,
        'NX',
      );
    pipeline.zadd(
      this.keys.arrivals(),
      ...kept.flatMap((e) => [e.snapshot.arrivesAt, e.snapshot.traveller.travellerId]),
    );
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
    return kept.length;
  }

  /** Travellers arriving between `from` and `to` (epoch ms) whose snapshot is still kept. */
  async arrivingBetween(from: number, to: number): Promise<TravellerSnapshot[]> {
    // Entries older than the window are dropped here, so the index never grows without bound.
    await this.redis.zremrangebyscore(this.keys.arrivals(), '-inf', `(${from}`);
    const ids = await this.redis.zrangebyscore(this.keys.arrivals(), from, to);
    const raws = await this.bulk.get(ids.map((id) => this.keys.travellerSnapshot(id)));
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as TravellerSnapshot);
  }
}
