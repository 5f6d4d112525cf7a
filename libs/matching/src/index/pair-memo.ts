import { growFloat64, StampedInts } from './grow';

/**
 * Per-query memo of token-pair similarities, keyed by (vocabulary token, query token position): the same
 * listed spellings recur across a query's candidates. A vocabulary token's row of similarities is the one
 * `rows` gives it in the current query.
 */
export class PairMemo {
  private readonly rows = new StampedInts();
  private values = new Float64Array(256);
  private width = 0;
  private used = 0;

  /** Starts a query of `width` tokens against a vocabulary of `vocabularySize` tokens. */
  begin(width: number, vocabularySize: number): void {
    this.rows.reset(vocabularySize);
    this.width = width;
    this.used = 0;
  }

  /** The remembered similarity, or −1. */
  get(tokenId: number, position: number): number {
    const row = this.rows.get(tokenId, -1);
    return row < 0 ? -1 : this.values[row * this.width + position];
  }

  set(tokenId: number, position: number, similarity: number): number {
    let row = this.rows.get(tokenId, -1);
    if (row < 0) {
      row = this.used++;
      this.rows.set(tokenId, row);
      this.values = growFloat64(this.values, (row + 1) * this.width);
      this.values.fill(-1, row * this.width, (row + 1) * this.width);
    }
    this.values[row * this.width + position] = similarity;
    return similarity;
  }
}
