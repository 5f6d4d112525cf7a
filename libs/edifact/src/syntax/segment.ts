/**
 * One segment: its tag and its data elements, each a list of components, release characters
 * removed. `position` is 1-based in the interchange, counting from the first segment after UNA
 * (UNB = 1): it is what findings and errors point at.
 *
 * Components are stored flat (`values`, with `starts[e]` the index of element e's first component),
 * and the streaming tokenizer hands out one reused Segment: a 10,000-passenger manifest has some
 * 150,000 segments, and allocating (then collecting) objects per segment and per element made the
 * garbage collector the bottleneck. A consumer that keeps a segment past the callback clones it.
 */
export class Segment {
  constructor(
    public tag: string,
    /** Every component of every element, in order. */
    readonly values: string[],
    /** Index in `values` of each element's first component (element 0 is the first after the tag). */
    readonly starts: number[],
    public position: number,
  ) {}

  /** For the tokenizer: the same object, now describing the next segment. */
  reset(tag: string, position: number): this {
    this.tag = tag;
    this.position = position;
    return this;
  }

  /** A copy that stays valid after the tokenizer moves on. */
  clone(): Segment {
    return new Segment(this.tag, this.values.slice(), this.starts.slice(), this.position);
  }

  get elementCount(): number {
    return this.starts.length;
  }

  /** Component `c` of element `e` (both 0-based), or ''. */
  value(e: number, c = 0): string {
    if (e >= this.starts.length) return '';
    const i = this.starts[e] + c;
    const end = e + 1 < this.starts.length ? this.starts[e + 1] : this.values.length;
    return i < end ? this.values[i] : '';
  }

  /** Element `e` with all its components ([] when absent). */
  element(e: number): string[] {
    if (e >= this.starts.length) return [];
    const end = e + 1 < this.starts.length ? this.starts[e + 1] : this.values.length;
    return this.values.slice(this.starts[e], end);
  }

  /** Every element with its components (allocates: for rare segments and tests). */
  get elements(): string[][] {
    const out: string[][] = [];
    for (let e = 0; e < this.starts.length; e++) out.push(this.element(e));
    return out;
  }

  /** Components from `c` on of element `e`, joined back with `joiner` (free text split by stray separators). */
  rest(e: number, c: number, joiner: string): string {
    return this.element(e).slice(c).join(joiner);
  }
}
