import type { ExecutionContext } from '@nestjs/common';

import { ApiError } from '../api-error';
import { CarrierAuthGuard, type CarrierRequest } from './carrier-auth.guard';
import { CarrierKeyLookup, CarrierKeys, hashApiKey } from './carrier-keys';

const KEY = 'zz-key-0123456789abcdef';
const contextFor = (request: Partial<CarrierRequest>) =>
  ({ switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;

describe('CarrierAuthGuard', () => {
  const keys = new CarrierKeys(`ZZ:${hashApiKey(KEY)},QQ:${hashApiKey('qq-key-0123456789abcdef')}`);

  it('lets a known key act for its own carrier only', async () => {
    const request: Partial<CarrierRequest> = { headers: { 'x-api-key': KEY } };
    await expect(new CarrierAuthGuard(keys).canActivate(contextFor(request))).resolves.toBe(true);
    expect(request.carrier).toBe('ZZ');
    expect(keys.carriers()).toEqual(new Set(['ZZ', 'QQ']));
  });

  it.each([
    ['no key', {}],
    ['an unknown key', { 'x-api-key': 'unknown-key-0123456789' }],
    ['a key too short to be one', { 'x-api-key': 'short' }],
  ])('answers 401 UNAUTHENTICATED for %s', async (_what, headers) => {
    const refused = new CarrierAuthGuard(keys).canActivate(contextFor({ headers }));
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('takes a lookup that answers asynchronously (a key store behind a cache)', async () => {
    class StoreLookup extends CarrierKeyLookup {
      carrierFor(presented: string | undefined) {
        return Promise.resolve(presented === KEY ? 'ZZ' : undefined);
      }
    }
    const request: Partial<CarrierRequest> = { headers: { 'x-api-key': KEY } };
    await expect(new CarrierAuthGuard(new StoreLookup()).canActivate(contextFor(request))).resolves.toBe(
      true,
    );
    expect(request.carrier).toBe('ZZ');
  });
});
