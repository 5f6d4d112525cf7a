/** Weight of what was learnt before each slice handled. */
const DECAY = 0.7;

/**
 * How many records of a fetched batch a consumer hands to its handler (and commits) at once, so
 * that a slice takes about `targetMs` to handle: the first records of a large batch (a manifest of
 * hundreds of travellers) are published after `targetMs` and one commit, not after the whole
 * batch. The handling cost per record is learnt from the slices handled: handling time over records,
 * both decaying by 0.7 a slice, so a large slice weighs more than a small one and the first slice
 * of a cold process (JIT, empty caches: seconds for 10 records) is soon forgotten. When the
 * records waiting would take more than `backlogMs` to handle, latency is already lost to the queue
 * and slices of `max` records keep the per-commit overhead low (capacity). The backlog is judged
 * in time, not in slices: a 250-traveller manifest alone on an idle partition (about 100 ms of
 * work) is sliced; thousands of records behind it are not. `targetMs` 0: always `max`.
 */
export class SliceSizer {
  /** Handling time and records of the slices handled, older slices decayed. */
  private ms = 0;
  private records = 0;

  constructor(
    private readonly targetMs: number,
    private readonly max: number,
    private readonly min = 1,
    private readonly backlogMs = 1000,
  ) {}

  /** Records to take now, out of `waiting` (this batch's rest plus the partition's lag). */
  next(waiting: number): number {
    if (this.targetMs <= 0) return this.max;
    // Nothing learnt yet: a slice of `min` records measures the cost at the price of one commit.
    if (this.records === 0) return this.min;
    const per = Math.max(this.ms / this.records, 1e-3);
    if (waiting * per > this.backlogMs) return this.max;
    return Math.min(this.max, Math.max(this.min, Math.floor(this.targetMs / per)));
  }

  /** A slice of `records` took `ms` to handle. */
  handled(records: number, ms: number): void {
    if (records <= 0) return;
    this.ms = DECAY * this.ms + Math.max(0, ms);
    this.records = DECAY * this.records + records;
  }
}
