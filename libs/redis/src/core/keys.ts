/**
 * The Redis key schema, in one place. Every key starts with the deployment prefix and `px:`.
 * Keys that one operation touches together share a `{hash tag}` so they live in one cluster slot.
 * WARNING: changing a key format orphans what is stored under the old one (hot path).
 * Redis is a cache: everything here is rebuilt after a flush (docs/records.md, "Redis holds nothing
 * that is not rebuilt"). Receipts, PNR records, manifest versions and multi-part sets waiting for
 * parts live in PostgreSQL (libs/records vault/); the receipt claim names below (by digest, by
 * Idempotency-Key) are the keys of their `receipt_claims` rows.
 */
export class RedisKeys {
  constructor(readonly prefix = '') {}

  private k(...parts: string[]): string {
    return `${this.prefix}px:${parts.join(':')}`;
  }

  /** Receipt id for a carrier's message bytes (SHA-256): the same bytes give the same receipt. */
  receiptByDigest(carrier: string, digest: string): string {
    return this.k('receipt-digest', `{${carrier}}`, digest);
  }
  /** The raw record (`partition/offset`) the parser read a receipt from first. */
  receiptSource(receiptId: string): string {
    return this.k('receipt-source', receiptId);
  }
  /** Receipt id for a carrier's Idempotency-Key header. */
  receiptByIdempotencyKey(carrier: string, key: string): string {
    return this.k('idem', `{${carrier}}`, key);
  }
  /** Request counter of one carrier in one rate-limit window. */
  rateLimit(carrier: string, window: number): string {
    return this.k('rate', `{${carrier}}`, String(window));
  }
  /**
   * Hot path: every current decision on a travel document (hash: manifest id → decision entry),
   * issuer + number in their canonical form (libs/contracts). A hash, not one value: another
   * carrier's later decision on the same number must never replace a more severe one.
   */
  decisionsByDocument(issuer: string, number: string): string {
    return this.k('poe', 'docs', issuer, number);
  }
  /**
   * Present while the hot path holds what the system of record gave it: gone after a flush or a
   * restart without persistence, which tells the records service to refill it.
   */
  hotPathFilled(): string {
    return this.k('poe', 'filled');
  }
  /** Current decision by traveller id. */
  decisionByTraveller(travellerId: string): string {
    return this.k('poe', 'trav', travellerId);
  }
  /**
   * Present while the re-vetting index holds what the travellers topic gave it: gone after a flush
   * or a restart without persistence, which tells screening to rebuild it from the topic.
   */
  revetFilled(): string {
    return this.k('revet', 'filled');
  }
  /** Travellers by arrival date, for re-vetting (sorted set: score = arrival epoch ms). */
  arrivals(): string {
    return this.k('arrivals');
  }
  /** Traveller snapshot kept for re-vetting within the window. */
  travellerSnapshot(travellerId: string): string {
    return this.k('traveller', travellerId);
  }
  /**
   * Open casework lookouts on a travel document (hash: lookout id → lookout JSON), issuer + number
   * in canonical form: the port-of-entry look-up shows them first.
   */
  lookoutsByDocument(issuer: string, number: string): string {
    return this.k('poe', 'lookout', issuer, number);
  }
  /** Everything under this deployment's prefix (tests clean up with it). */
  pattern(): string {
    return `${this.prefix}px:*`;
  }
}
