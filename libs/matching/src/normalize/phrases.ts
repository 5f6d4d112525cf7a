import { rawTokens } from './words.step';

/** A dictionary of token sequences (titles, legal forms, particles) found by longest match. */
export class PhraseTable<V> {
  private readonly byFirst = new Map<string, { tokens: string[]; value: V }[]>();

  /** Adds a phrase as published; it is normalised with the same steps as names. */
  add(phrase: string, value: V): void {
    const tokens = rawTokens(phrase).map((t) => t.text);
    if (tokens.length === 0) return;
    const list = this.byFirst.get(tokens[0]) ?? [];
    if (list.some((p) => p.tokens.join(' ') === tokens.join(' '))) return;
    list.push({ tokens, value });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirst.set(tokens[0], list);
  }

  /** The longest phrase starting at `tokens[start]`, if any. */
  matchAt(tokens: readonly string[], start: number): { length: number; value: V } | undefined {
    const list = this.byFirst.get(tokens[start]);
    if (!list) return undefined;
    for (const p of list) {
      if (start + p.tokens.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < p.tokens.length && ok; k++) ok = tokens[start + k] === p.tokens[k];
      if (ok) return { length: p.tokens.length, value: p.value };
    }
    return undefined;
  }
}
