import { REFUSED_START_ENV, refusedStart } from '@paxscreen/testing';

import { startWorkbench } from './workbench.app';

describe('startWorkbench: a refused setting', () => {
  it('rejects the start and leaves no client open (DATABASE_POOL_SIZE=0)', async () => {
    const { error, leftOpen } = await refusedStart(() =>
      startWorkbench({ ...REFUSED_START_ENV, DATABASE_POOL_SIZE: '0' }),
    );
    expect(String(error)).toMatch(/PostgresEnv \(environment\) is invalid: DATABASE_POOL_SIZE/);
    expect(leftOpen).toEqual({});
  });
});
