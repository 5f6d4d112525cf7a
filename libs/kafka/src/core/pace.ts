/**
 * At most one Kafka request of a kind (a fetch, a produce) every `ms` while traffic is steady,
 * none held back when it is not: what arrives meanwhile travels in the next request together
 * instead of one request each. Kafka's `linger.ms` always waits; this waits only for the rest of
 * the interval since the previous request began, so a lone request (idle client) goes at once.
 */
export class Pace {
  private last = -Infinity;
  private waiting?: Promise<void>;

  constructor(private readonly ms: number) {}

  /** Call as a request begins. */
  began(now = performance.now()): void {
    this.last = now;
  }

  /**
   * Resolves when the next request may begin: at once when the previous one began `ms` ago or more.
   * Concurrent callers (the batches of one fetch) share the same wait.
   */
  next(): Promise<void> {
    const wait = this.last + this.ms - performance.now();
    if (this.ms <= 0 || wait <= 0) return Promise.resolve();
    this.waiting ??= new Promise<void>((resolve) =>
      setTimeout(() => {
        this.waiting = undefined;
        resolve();
      }, wait),
    );
    return this.waiting;
  }
}
