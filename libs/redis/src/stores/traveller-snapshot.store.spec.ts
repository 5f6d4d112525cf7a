import type { Traveller } from '@paxscreen/contracts';

import { snapshotsToRefill, type TravellerSnapshot } from './traveller-snapshot.store';

const snapshot = (travellerId: string, manifestId: string): TravellerSnapshot => ({
  traveller: { travellerId } as Traveller,
  manifestId,
  correlationId: `r-${manifestId}`,
  partition: 0,
  arrivesAt: 0,
});

describe('snapshotsToRefill (re-vetting index rebuilt after a Redis flush)', () => {
  const now = 1_000_000_000;

  it('keeps the latest snapshot per traveller, for what is left of its lifetime', () => {
    const out = snapshotsToRefill(
      [
        { snapshot: snapshot('t1', 'm-v1'), writtenAt: now - 50_000 },
        { snapshot: snapshot('t2', 'm-v1'), writtenAt: now - 50_000 },
        { snapshot: snapshot('t1', 'm-v2'), writtenAt: now - 10_000 },
      ],
      60,
      now,
    );
    expect(out.map((e) => [e.snapshot.traveller.travellerId, e.snapshot.manifestId, e.ttl])).toEqual([
      ['t1', 'm-v2', 50],
      ['t2', 'm-v1', 10],
    ]);
  });

  it('leaves out snapshots whose lifetime is over (they had expired from Redis too)', () => {
    expect(snapshotsToRefill([{ snapshot: snapshot('t1', 'm'), writtenAt: now - 60_000 }], 60, now)).toEqual(
      [],
    );
  });
});
