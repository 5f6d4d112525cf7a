import type { RedisClient } from '../core/client';

/** A fixed-window counter after adding a lease to it: its new total and the window's ms left. */
export interface LeaseGrant {
  total: number;
  ttlMs: number;
}

/** Adds `amount` to the counter `key` (a new counter's window lasts `windowMs`). */
export type TakeLease = (key: string, amount: number, windowMs: number) => Promise<LeaseGrant>;

/** Numbers of one window this instance holds: `next` … `last` are its own to hand out. */
interface Lease {
  next: number;
  last: number;
  /** When the window ends (epoch ms). */
  until: number;
  size: number;
}

export interface LeasedCounterOptions {
  /** Largest lease, as a share of the limit (default 1 %): what an instance can hold unused. */
  maxLeaseShare?: number;
  /** Counters remembered at once; beyond that the older half is dropped (default 10,000). */
  maxKeys?: number;
  now?: () => number;
}

/**
 * A fixed-window request counter shared by every instance (a Redis counter per key and window),
 * taken in leases instead of one round trip per request: an instance reserves a run of numbers
 * (INCRBY) and hands them out locally; a request is admitted when its number is within the limit.
 * Numbers are unique across instances, so no window ever admits more than `max` requests. A lease
 * starts at one number and doubles while it is used up, capped at `maxLeaseShare` of the limit:
 * an idle key costs one round trip per request as before, a busy one a round trip per lease. What
 * a lease leaves unused when its window ends is lost, so with n instances sharing one key a window
 * can refuse up to n × (cap − 1) requests early (at most n % of the limit with the default share).
 * Once a key's numbers pass the limit, its requests are refused locally until the window ends.
 */
export class LeasedCounter {
  private readonly leases = new Map<string, Lease>();
  private readonly taking = new Map<string, Promise<void>>();
  private readonly share: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(
    private readonly take: TakeLease,
    options: LeasedCounterOptions = {},
  ) {
    this.share = options.maxLeaseShare ?? 0.01;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Counts one request on `key` in a window of `windowMs` allowing `max`: its number in the
   * window (admit it when ≤ max) and the ms until the window ends. Rejects when the counter
   * cannot be reached.
   */
  async count(key: string, windowMs: number, max: number): Promise<{ current: number; ttl: number }> {
    for (;;) {
      const now = this.now();
      let lease = this.leases.get(key);
      if (lease && lease.until <= now) {
        this.leases.delete(key);
        lease = undefined;
      }
      if (lease && lease.next <= lease.last) return { current: lease.next++, ttl: lease.until - now };
      // The counter only grows within a window: past the limit, it stays past it.
      if (lease && lease.last >= max) return { current: max + 1, ttl: lease.until - now };
      const pending = this.taking.get(key);
      if (pending) {
        await pending;
        continue;
      }
      const cap = Math.max(1, Math.floor(max * this.share));
      // What this instance has seen is a floor for the shared count: never lease beyond the limit.
      const size = lease ? Math.max(1, Math.min(lease.size * 2, cap, max - lease.last)) : 1;
      const taking = this.take(key, size, windowMs).then((grant) =>
        this.keep(key, {
          next: grant.total - size + 1,
          last: grant.total,
          until: this.now() + grant.ttlMs,
          size,
        }),
      );
      this.taking.set(key, taking);
      try {
        await taking;
      } finally {
        this.taking.delete(key);
      }
    }
  }

  private keep(key: string, lease: Lease): void {
    if (!this.leases.has(key) && this.leases.size >= this.maxKeys) {
      // Dropping a lease only loses its unused numbers: an error towards refusing, never admitting.
      let drop = this.leases.size / 2;
      for (const k of this.leases.keys()) {
        if (drop-- <= 0) break;
        this.leases.delete(k);
      }
    }
    this.leases.set(key, lease);
  }
}

/**
 * INCRBY with the window's expiry set when the counter is new, in one step: the counter and the
 * ms left in its window. Compatible with @fastify/rate-limit's Redis store (same key, same count).
 */
const LEASE_SCRIPT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}`;

type WithLeaseCommand = RedisClient & {
  paxscreenTakeLease?: (key: string, amount: number, windowMs: number) => Promise<[number, number]>;
};

/** Leases from counters in Redis under `namespace` (one script call per lease). */
export function redisLeases(redis: RedisClient, namespace: string): TakeLease {
  const client = redis as WithLeaseCommand;
  if (!client.paxscreenTakeLease)
    client.defineCommand('paxscreenTakeLease', { numberOfKeys: 1, lua: LEASE_SCRIPT });
  return async (key, amount, windowMs) => {
    const [total, ttlMs] = await client.paxscreenTakeLease!(`${namespace}${key}`, amount, windowMs);
    return { total, ttlMs };
  };
}
