import { type Lookout, parseDocumentKey } from '@paxscreen/contracts';

import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/**
 * Casework lookouts on the port-of-entry hot path, by travel document (canonical `ISSUER:NUMBER`,
 * as `Lookout.documentKeys` holds them). Casework (PostgreSQL) is the system of record: it writes
 * a lookout when it is created, removes it at the encounter, and writes every open one again at
 * start and on a timer, so a flushed Redis is refilled. Entries expire after `ttlSeconds` from
 * their last write.
 */
export class LookoutStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  private keyOf(documentKey: string): string {
    const { issuer, number } = parseDocumentKey(documentKey);
    return this.keys.lookoutsByDocument(issuer || 'UNK', number);
  }

  async put(lookouts: Lookout[]): Promise<void> {
    if (lookouts.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const l of lookouts) {
      for (const doc of l.documentKeys) {
        const key = this.keyOf(doc);
        pipeline.hset(key, l.lookoutId, JSON.stringify(l));
        pipeline.expire(key, this.ttlSeconds);
      }
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  async remove(lookout: Pick<Lookout, 'lookoutId' | 'documentKeys'>): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const doc of lookout.documentKeys) pipeline.hdel(this.keyOf(doc), lookout.lookoutId);
    await pipeline.exec();
  }

  /** Open lookouts on a document (issuer and number already canonical), newest first. */
  async byDocument(issuer: string, number: string): Promise<Lookout[]> {
    const all = await this.redis.hvals(this.keys.lookoutsByDocument(issuer || 'UNK', number));
    return all
      .map((json) => JSON.parse(json) as Lookout)
      .filter((l) => l.status === 'OPEN')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
