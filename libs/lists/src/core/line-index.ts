/**
 * Maps character offsets to 1-based line numbers, built on first use only (most reads have no
 * finding that needs a line).
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private build(): number[] {
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
}

/** Offsets of every `<tag>` opening (no attributes), in document order. */
export function tagOffsets(text: string, tag: string): number[] {
  const needle = `<${tag}>`;
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}
