/**
 * How many records of a fetched batch a consumer hands to its handler (and commits) at once, so
 * that a slice takes about `targetMs` to handle: the first records of a large batch (a manifest of
 * hundreds of travellers) are published after `targetMs` and one commit, not after the whole
 * batch. The handling cost per record is learnt from the slices handled (moving average). When the
 * records waiting would take more than `backlogMs` to handle, latency is already lost to the queue
 * and slices of `max` records keep the per-commit overhead low (capacity). The backlog is judged
 * in time, not in slices: a 250-traveller manifest alone on an idle partition (about 100 ms of
 * work) is sliced; thousands of records behind it are not. `targetMs` 0: always `max`.
 */
export class SliceSizer {
  private msPerRecord?: number;

  constructor(
    private readonly targetMs: number,
    private readonly max: number,
    private readonly min = 1,
    private readonly backlogMs = 500,
  ) {}

  /** Records to take now, out of `waiting` (this batch's rest plus the partition's lag). */
  next(waiting: number): number {
    if (this.targetMs <= 0) return this.max;
    // Nothing learnt yet: a slice of `min` records measures the cost at the price of one commit.
    if (this.msPerRecord === undefined) return this.min;
    const per = Math.max(this.msPerRecord, 1e-3);
    if (waiting * per > this.backlogMs) return this.max;
    return Math.min(this.max, Math.max(this.min, Math.floor(this.targetMs / per)));
  }

  /** A slice of `records` took `ms` to handle. */
  handled(records: number, ms: number): void {
    if (records <= 0) return;
    const per = Math.max(0, ms) / records;
    this.msPerRecord = this.msPerRecord === undefined ? per : 0.7 * this.msPerRecord + 0.3 * per;
  }
}
