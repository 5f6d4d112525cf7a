import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/** Returns the version already given to this receipt, else the next one (atomic, one key). */
const VERSION_SCRIPT = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then return tonumber(v) end
local n = redis.call('HINCRBY', KEYS[1], '_last', 1)
redis.call('HSET', KEYS[1], ARGV[1], n)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return n`;

/** One part of a multi-part message as the parser keeps it until the set is complete. */
export interface StoredPart {
  receiptId: string;
  receivedAt?: number;
  /** The part as read (libs/edifact ParsedMessage), JSON. */
  message: unknown;
}

/**
 * Manifest versions (each accepted receipt of a manifest gets the next number; a redelivered
 * receipt keeps its number) and the parts of multi-part messages waiting for the rest.
 */
export class ManifestStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async versionFor(manifestId: string, receiptId: string): Promise<number> {
    return Number(
      await this.redis.eval(
        VERSION_SCRIPT,
        1,
        this.keys.manifest(manifestId),
        receiptId,
        String(this.ttlSeconds),
      ),
    );
  }

  private setKey(carrier: string, reference: string): string {
    return this.keys.multipart(`${carrier}|${reference}`);
  }

  /** Keeps a part; returns every part of the set received so far (this one included). */
  async addPart(
    carrier: string,
    reference: string,
    sequence: number,
    part: StoredPart,
    now = Date.now(),
  ): Promise<StoredPart[]> {
    const key = this.setKey(carrier, reference);
    await this.redis.hset(key, String(sequence), JSON.stringify(part));
    await this.redis.expire(key, this.ttlSeconds);
    await this.redis.zadd(this.keys.multipartPending(), 'NX', now, `${carrier}|${reference}`);
    const all = await this.redis.hvals(key);
    return all.map((raw) => JSON.parse(raw) as StoredPart);
  }

  async dropSet(carrier: string, reference: string): Promise<void> {
    await this.redis.del(this.setKey(carrier, reference));
    await this.redis.zrem(this.keys.multipartPending(), `${carrier}|${reference}`);
  }

  /** Sets whose first part arrived before `olderThan` (epoch ms): carrier, reference and parts. */
  async staleSets(olderThan: number): Promise<{ carrier: string; reference: string; parts: StoredPart[] }[]> {
    const ids = await this.redis.zrangebyscore(this.keys.multipartPending(), '-inf', olderThan);
    const out = [];
    for (const id of ids) {
      const [carrier, reference] = [id.slice(0, id.indexOf('|')), id.slice(id.indexOf('|') + 1)];
      const parts = (await this.redis.hvals(this.setKey(carrier, reference))).map(
        (raw) => JSON.parse(raw) as StoredPart,
      );
      out.push({ carrier, reference, parts });
    }
    return out;
  }
}
