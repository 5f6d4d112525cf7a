import { canonicalCode, canonicalDocumentNumber, type DecisionMade } from '@paxscreen/contracts';

import { BulkCommands, type WriteOptions } from '../core/bulk';
import type { RedisClient } from '../core/client';
import type { RedisKeys } from '../core/keys';

/** What an officer's look-up returns: the current decision event for a document or traveller. */
export type HotPathEntry = Pick<
  DecisionMade.Value,
  'manifestId' | 'flight' | 'subject' | 'decision' | 'occurredAt' | 'travellerStatus'
>;

/** Issuer of a document the carrier sent without one (the key still needs a part). */
const NO_ISSUER = 'UNK';

/**
 * The port-of-entry hot path. By traveller id: the current decision (a GET). By travel document
 * (issuer + number, canonical form): every current decision on it, one per manifest (a hash), so a
 * later decision from another carrier or flight sits beside an earlier one instead of replacing it
 * (issue 20: a CLEAR must never hide a NO_BOARD); a newer decision for the same manifest replaces
 * that manifest's. Entries expire after `ttlSeconds` (API data is kept only as long as needed): the
 * hash as a whole after its last write, and older entries are dropped when read.
 */
export class DecisionStore {
  private readonly bulk: BulkCommands;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.bulk = new BulkCommands(redis);
  }

  private docKey(issuer: string | undefined, number: string): string {
    const code = issuer ? canonicalCode(issuer) : '';
    return this.keys.decisionsByDocument(code || NO_ISSUER, canonicalDocumentNumber(number));
  }

  /** Writes many decisions (in a few commands: `BulkCommands`). */
  async putMany(events: HotPathEntry[]): Promise<void> {
    await this.write(events);
  }

  private async write(events: HotPathEntry[], options: WriteOptions = {}): Promise<void> {
    if (events.length === 0) return;
    const byTraveller: [string, string][] = [];
    const byDocument: [string, string, string][] = [];
    for (const e of events) {
      const json = JSON.stringify(e);
      byTraveller.push([this.keys.decisionByTraveller(e.decision.travellerId), json]);
      for (const d of e.subject.documents)
        byDocument.push([this.docKey(d.issuer, d.number), e.manifestId, json]);
    }
    await Promise.all([
      this.bulk.setEx(byTraveller, this.ttlSeconds, options),
      this.bulk.hsetEx(byDocument, this.ttlSeconds, options),
    ]);
  }

  /**
   * Writes decisions only where they are missing (SET NX; HSETNX per manifest on a document), for
   * a refill from the system of record after Redis lost its data: what screening wrote meanwhile
   * is newer and stays.
   */
  async fillMissing(events: HotPathEntry[]): Promise<void> {
    await this.write(events, { onlyMissing: true });
  }

  /** Every current decision on a document (empty when there is none), in no particular order. */
  async byDocument(issuer: string | undefined, number: string, now = Date.now()): Promise<HotPathEntry[]> {
    const key = this.docKey(issuer, number);
    const raw = await this.redis.hgetall(key);
    const oldest = now - this.ttlSeconds * 1000;
    const entries: HotPathEntry[] = [];
    const stale: string[] = [];
    for (const [field, json] of Object.entries(raw)) {
      const entry = JSON.parse(json) as HotPathEntry;
      if (Date.parse(entry.occurredAt) >= oldest) entries.push(entry);
      else stale.push(field);
    }
    // A document seen on flight after flight keeps its hash alive; its old decisions go here.
    if (stale.length > 0) void this.redis.hdel(key, ...stale).catch(() => undefined);
    return entries;
  }

  /** Current decisions of many travellers in one round trip (undefined where there is none). */
  async byTravellers(travellerIds: string[]): Promise<(HotPathEntry | undefined)[]> {
    const raws = await this.bulk.get(travellerIds.map((id) => this.keys.decisionByTraveller(id)));
    return raws.map((raw) => (raw ? (JSON.parse(raw) as HotPathEntry) : undefined));
  }

  async byTraveller(travellerId: string): Promise<HotPathEntry | undefined> {
    const raw = await this.redis.get(this.keys.decisionByTraveller(travellerId));
    return raw ? (JSON.parse(raw) as HotPathEntry) : undefined;
  }
}
