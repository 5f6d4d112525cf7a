import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

import type { LeasedCounter } from '@paxscreen/redis';

/**
 * @fastify/rate-limit's store interface over a LeasedCounter (libs/redis): the same shared Redis
 * counters as the plugin's own Redis store, taken in leases, so a busy staff token or carrier
 * costs a Redis round trip per lease instead of one per request, and no window admits more than
 * the limit on all gateway instances together.
 */
export function leasedRateLimitStore(counter: LeasedCounter): FastifyRateLimitStoreCtor {
  class LeasedRateLimitStore implements FastifyRateLimitStore {
    /** Set for a route's own store (`child`); the plugin constructs the global one with its options. */
    private prefix = '';

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void {
      counter.count(this.prefix + key, timeWindow, max).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    /** Routes with limits of their own count apart, as the plugin's Redis store does. */
    child(options: object): FastifyRateLimitStore {
      // The plugin passes its merged options with the route as `routeInfo` (as its Redis store reads them).
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const store = new LeasedRateLimitStore();
      store.prefix = `${this.prefix}${[route.method ?? ''].flat().join(',')}${route.url ?? ''}-`;
      return store;
    }
  }
  return LeasedRateLimitStore;
}
