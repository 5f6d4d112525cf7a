import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { startParser } from './parser.app';

describe('startParser: a refused setting', () => {
  it('rejects the start and leaves no client open (KAFKA_REPLICATION_FACTOR=0)', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startParser({ ...REFUSED_START_ENV, KAFKA_REPLICATION_FACTOR: '0' }),
    );
    expect(String(error)).toMatch(/KafkaEnv \(environment\) is invalid: KAFKA_REPLICATION_FACTOR/);
    expect(leftOpen).toEqual({});
  });

  it('reads no Redis setting (it uses no Redis): refused for its database setting, not REDIS_MODE', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startParser({ ...REFUSED_START_ENV, REDIS_MODE: 'not-a-mode', DATABASE_POOL_SIZE: '0' }),
    );
    expect(String(error)).toMatch(/PostgresEnv \(environment\) is invalid: DATABASE_POOL_SIZE/);
    expect(leftOpen).toEqual({});
  });
});
