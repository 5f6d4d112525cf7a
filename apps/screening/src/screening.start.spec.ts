import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { startScreening } from './screening.app';

describe('startScreening: a refused setting', () => {
  it('rejects the start and leaves no client open (KAFKA_REPLICATION_FACTOR=0)', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startScreening({ ...REFUSED_START_ENV, SCREENING_HOME_ECONOMY: 'AUS', KAFKA_REPLICATION_FACTOR: '0' }),
    );
    expect(String(error)).toMatch(/KafkaEnv \(environment\) is invalid: KAFKA_REPLICATION_FACTOR/);
    expect(leftOpen).toEqual({});
  });
});
