import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { startGateway } from './gateway.app';

describe('startGateway: a refused setting', () => {
  it('rejects the start and leaves no client open (DATABASE_POOL_SIZE=0)', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startGateway({ ...REFUSED_START_ENV, DATABASE_POOL_SIZE: '0' }),
    );
    expect(String(error)).toMatch(/PostgresEnv \(environment\) is invalid: DATABASE_POOL_SIZE/);
    expect(leftOpen).toEqual({});
  });
});
