import type { ExecutionContext } from '@nestjs/common';

import { ApiError } from '../api-error';
import { CarrierAuthGuard, type CarrierRequest } from './carrier-auth.guard';
import { CarrierKeyLookup } from './carrier-keys';

const KEY = 'zz-key-0123456789abcdef';
const contextFor = (request: Partial<CarrierRequest>) =>
  ({ switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;

describe('CarrierAuthGuard', () => {
  class MapLookup extends CarrierKeyLookup {
    carrierFor(presented: string | undefined) {
      return presented === KEY ? 'ZZ' : undefined;
    }
  }
  const keys = new MapLookup();

  it('lets a known key act for its own carrier only', async () => {
    const request: Partial<CarrierRequest> = { headers: { 'x-api-key': KEY } };
    await expect(new CarrierAuthGuard(keys).canActivate(contextFor(request))).resolves.toBe(true);
    expect(request.carrier).toBe('ZZ');
  });

  it.each([
    ['no key', {}],
    ['an unknown key', { 'x-api-key': 'unknown-key-0123456789' }],
    ['a key in an array', { 'x-api-key': [KEY] }],
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
