import type { DecisionMade } from '@paxscreen/contracts';

import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/** What an officer's look-up returns: the current decision event for a document or traveller. */
export type HotPathEntry = Pick<
  DecisionMade.Value,
  'manifestId' | 'flight' | 'subject' | 'decision' | 'occurredAt'
>;

/** Document numbers are compared without spaces, dashes and case (as printed vs as typed). */
export function normaliseDocumentNumber(number: string): string {
  return number.replace(/[\s\-<]/g, '').toUpperCase();
}

/**
 * The port-of-entry hot path: the current decision by travel document (issuer + number) and by
 * traveller id, each a single GET. Entries expire after `ttlSeconds` (API data is kept only as
 * long as needed). A newer decision for the same traveller overwrites the older one.
 */
export class DecisionStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  private docKey(issuer: string | undefined, number: string): string {
    return this.keys.decisionByDocument(issuer ?? 'UNK', normaliseDocumentNumber(number));
  }

  /** Writes many decisions (auto-pipelined: one round trip per node). */
  async putMany(events: HotPathEntry[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const e of events) {
      const json = JSON.stringify(e);
      pipeline.set(this.keys.decisionByTraveller(e.decision.travellerId), json, 'EX', this.ttlSeconds);
      for (const d of e.subject.documents)
        pipeline.set(this.docKey(d.issuer, d.number), json, 'EX', this.ttlSeconds);
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  /**
   * Writes decisions only where the key is missing (SET NX), for a refill from the system of
   * record after Redis lost its data: an entry screening wrote meanwhile is newer and stays.
   */
  async fillMissing(events: HotPathEntry[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const e of events) {
      const json = JSON.stringify(e);
      pipeline.set(this.keys.decisionByTraveller(e.decision.travellerId), json, 'EX', this.ttlSeconds, 'NX');
      for (const d of e.subject.documents)
        pipeline.set(this.docKey(d.issuer, d.number), json, 'EX', this.ttlSeconds, 'NX');
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
  }

  async byDocument(issuer: string | undefined, number: string): Promise<HotPathEntry | undefined> {
    const raw = await this.redis.get(this.docKey(issuer, number));
    return raw ? (JSON.parse(raw) as HotPathEntry) : undefined;
  }

  /** Current decisions of many travellers in one round trip (undefined where there is none). */
  async byTravellers(travellerIds: string[]): Promise<(HotPathEntry | undefined)[]> {
    const raws = await Promise.all(
      travellerIds.map((id) => this.redis.get(this.keys.decisionByTraveller(id))),
    );
    return raws.map((raw) => (raw ? (JSON.parse(raw) as HotPathEntry) : undefined));
  }

  async byTraveller(travellerId: string): Promise<HotPathEntry | undefined> {
    const raw = await this.redis.get(this.keys.decisionByTraveller(travellerId));
    return raw ? (JSON.parse(raw) as HotPathEntry) : undefined;
  }
}
