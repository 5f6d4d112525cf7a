import type { Traveller } from '@paxscreen/contracts';

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
 * Travellers by arrival time (sorted set) plus one snapshot per traveller, both expiring after the
 * re-vetting window: API data is kept only as long as it is needed to re-screen.
 */
export class TravellerSnapshotStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async putMany(snapshots: TravellerSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    // One ZADD for the batch's arrivals (one key), not one command per traveller.
    const arrivals = snapshots.flatMap((s) => [s.arrivesAt, s.traveller.travellerId]);
    await Promise.all([
      ...snapshots.map((s) =>
        this.redis.set(
          this.keys.travellerSnapshot(s.traveller.travellerId),
          JSON.stringify(s),
          'EX',
          this.ttlSeconds,
        ),
      ),
      this.redis.zadd(this.keys.arrivals(), ...arrivals),
    ]);
  }

  /** Travellers arriving between `from` and `to` (epoch ms) whose snapshot is still kept. */
  async arrivingBetween(from: number, to: number): Promise<TravellerSnapshot[]> {
    // Entries older than the window are dropped here, so the index never grows without bound.
    await this.redis.zremrangebyscore(this.keys.arrivals(), '-inf', `(${from}`);
    const ids = await this.redis.zrangebyscore(this.keys.arrivals(), from, to);
    const raws = await Promise.all(ids.map((id) => this.redis.get(this.keys.travellerSnapshot(id))));
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as TravellerSnapshot);
  }
}
