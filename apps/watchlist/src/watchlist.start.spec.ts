import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { startWatchlist } from './watchlist.app';

describe('startWatchlist: a refused setting', () => {
  it('rejects the start and leaves no client open (KAFKA_REPLICATION_FACTOR=0)', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startWatchlist({ ...REFUSED_START_ENV, KAFKA_REPLICATION_FACTOR: '0' }),
    );
    expect(String(error)).toMatch(/KafkaEnv \(environment\) is invalid: KAFKA_REPLICATION_FACTOR/);
    expect(leftOpen).toEqual({});
  });
});
