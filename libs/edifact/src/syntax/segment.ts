/**
 * One segment: its tag and its data elements, each a list of components, release characters
 * removed. `position` is 1-based in the interchange, counting from the first segment after UNA
 * (UNB = 1): it is what findings and errors point at.
 *
 * Components are stored flat (`values`, with `starts[e]` the index of element e's first component),
 * and the streaming tokenizer hands out one reused Segment: a 10,000-passenger manifest has some
 * 150,000 segments, and allocating (then collecting) objects per segment and per element made the
 * garbage collector the bottleneck. A consumer that keeps a segment past the callback clones it.
 *
 * The reused segment's arrays are never shrunk (setting `length = 0` made V8 drop and reallocate
 * both backing stores for every segment, half of all the bytes a parse allocated): only the first
 * `valueCount` values and `elementCount` starts are the segment's, the rest is stale.
 */
export class Segment {
  /** How many entries of `values` belong to this segment. */
  valueCount: number;
  /** How many entries of `starts` (elements) belong to this segment. */
  elementCount: number;

  constructor(
    public tag: string,
    /** Every component of every element, in order (the first `valueCount`). */
    readonly values: string[],
    /** Index in `values` of each element's first component (element 0 is the first after the tag). */
    readonly starts: number[],
    public position: number,
  ) {
    this.valueCount = values.length;
    this.elementCount = starts.length;
  }

  /** For the tokenizer: the same object, now describing the next segment. */
  reset(tag: string, position: number, valueCount: number, elementCount: number): this {
    this.tag = tag;
    this.position = position;
    this.valueCount = valueCount;
    this.elementCount = elementCount;
    return this;
  }

  /** A copy that stays valid after the tokenizer moves on. */
  clone(): Segment {
    return new Segment(
      this.tag,
      this.values.slice(0, this.valueCount),
      this.starts.slice(0, this.elementCount),
      this.position,
    );
  }

  /** Component `c` of element `e` (both 0-based), or ''. */
  value(e: number, c = 0): string {
    const elements = this.elementCount;
    if (e >= elements) return '';
    const i = this.starts[e] + c;
    const end = e + 1 < elements ? this.starts[e + 1] : this.valueCount;
    return i < end ? this.values[i] : '';
  }

  /** How many components element `e` has (0 when absent). */
  componentCount(e: number): number {
    const elements = this.elementCount;
    if (e >= elements) return 0;
    return (e + 1 < elements ? this.starts[e + 1] : this.valueCount) - this.starts[e];
  }

  /** Element `e` with all its components ([] when absent). */
  element(e: number): string[] {
    const elements = this.elementCount;
    if (e >= elements) return [];
    const end = e + 1 < elements ? this.starts[e + 1] : this.valueCount;
    return this.values.slice(this.starts[e], end);
  }

  /** Every element with its components (allocates: for rare segments and tests). */
  get elements(): string[][] {
    const out: string[][] = [];
    for (let e = 0; e < this.elementCount; e++) out.push(this.element(e));
    return out;
  }

  /** Components from `c` on of element `e`, joined back with `joiner` (free text split by stray separators). */
  rest(e: number, c: number, joiner: string): string {
    return this.element(e).slice(c).join(joiner);
  }
}
