import { growFloat64, growInt32 } from './grow';

/**
 * Per-query memo of token-pair similarities, keyed by (vocabulary token, query token position): the same
 * listed spellings recur across a query's candidates. Stamps replace clearing: a vocabulary token's row is
 * valid only while its stamp equals the current query's.
 */
export class PairMemo {
  private stamp = new Int32Array(0);
  private row = new Int32Array(0);
  private values = new Float64Array(256);
  private width = 0;
  private rows = 0;
  private current = 0;

  /** Starts a query of `width` tokens against a vocabulary of `vocabularySize` tokens. */
  begin(width: number, vocabularySize: number): void {
    if (this.stamp.length < vocabularySize) {
      this.stamp = growInt32(this.stamp, vocabularySize);
      this.row = growInt32(this.row, vocabularySize);
    }
    if (this.current >= 2 ** 30) {
      this.stamp.fill(0);
      this.current = 0;
    }
    this.current++;
    this.width = width;
    this.rows = 0;
  }

  /** The remembered similarity, or −1. */
  get(tokenId: number, position: number): number {
    if (this.stamp[tokenId] !== this.current) return -1;
    return this.values[this.row[tokenId] * this.width + position];
  }

  set(tokenId: number, position: number, similarity: number): number {
    if (this.stamp[tokenId] !== this.current) {
      this.stamp[tokenId] = this.current;
      const r = this.rows++;
      this.row[tokenId] = r;
      this.values = growFloat64(this.values, (r + 1) * this.width);
      this.values.fill(-1, r * this.width, (r + 1) * this.width);
    }
    this.values[this.row[tokenId] * this.width + position] = similarity;
    return similarity;
  }
}
