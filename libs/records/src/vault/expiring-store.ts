import type { Kysely } from 'kysely';

import type { RecordsDatabase } from '../schema';

/** A store whose rows live `ttlSeconds` from their last write, on an injectable clock. */
export abstract class ExpiringStore {
  constructor(
    protected readonly db: Kysely<RecordsDatabase>,
    protected readonly ttlSeconds: number,
    protected readonly clock: () => number = Date.now,
  ) {}

  /** When a row written now expires (ISO). */
  protected expiry(): string {
    return new Date(this.clock() + this.ttlSeconds * 1000).toISOString();
  }

  protected now(): Date {
    return new Date(this.clock());
  }
}
