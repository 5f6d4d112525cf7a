import { bitCount, FoundNames, MANY_PARTS, nameOf, partsOf, posting } from './found-names';
import { StampedInts } from './grow';

describe('FoundNames', () => {
  const lengths = new Uint8Array([2, 3, 1, 2, 2]);
  // A name's credit when first found: −1 per part.
  const start = Float64Array.from({ length: 256 }, (_, n) => -n);
  /** Postings of names (`posting`: each with its number of parts). */
  const of = (...nameIds: number[]) => nameIds.map((id) => posting(id, lengths[id] ?? 1));
  const creditOf = (found: FoundNames, nameId: number) => {
    for (let at = 0; at < found.count; at++) if (found.names[at] === nameId) return found.credit[at];
    return undefined;
  };

  it('finds names when a walk creates, credits each once per look-up, and credits a query token covered once', () => {
    const found = new FoundNames();
    found.begin(lengths.length, 0.5, start);
    found.walk(of(0, 3), 0, 2, 0b01, true, lengths);
    found.walk(of(0, 3), 0, 1, 0b01, true, lengths); // the same look-up, a weaker expansion: nothing more
    found.walk(of(3, 4), 1, 4, 0b11, false, lengths); // does not create: 4 is passed over
    expect(Array.from(found.names.subarray(0, found.count))).toEqual([0, 3]);
    expect(creditOf(found, 0)).toBeCloseTo(-2 + 2 + 0.5);
    expect(creditOf(found, 3)).toBeCloseTo(-2 + 2 + 0.5 + 4 + 0.5); // token 1 newly covered, token 0 was
    expect(creditOf(found, 4)).toBeUndefined();
  });

  it('credits names found already from postings or from their tokens, never finding one', () => {
    const found = new FoundNames();
    found.begin(lengths.length, 0, start);
    found.walk(of(1, 2), 0, 1, 1, true, lengths);
    found.creditFound(of(0, 1), 1, 3, 2);
    expect(creditOf(found, 1)).toBeCloseTo(-3 + 1 + 3);
    expect(creditOf(found, 0)).toBeUndefined();
    // Name 2's one token is vocabulary token 7, held at place 0; name 1's tokens are 5, 6, 8: none held.
    const tokenPool = Int32Array.from([9, 9, 5, 6, 8, 7]);
    const nameStart = Int32Array.from([0, 2, 5, 0, 0]);
    const held = new StampedInts();
    held.reset(10);
    held.set(7, 0);
    found.creditByTokens(2, held, [5], [4], tokenPool, nameStart, lengths);
    expect(creditOf(found, 2)).toBeCloseTo(-1 + 1 + 5);
    expect(creditOf(found, 1)).toBeCloseTo(-3 + 1 + 3);
  });

  it('forgets the names found at the end of a query', () => {
    const found = new FoundNames();
    found.begin(lengths.length, 0, start);
    found.walk(of(0, 1, 2, 3, 4), 0, 1, 1, true, lengths);
    found.end();
    found.begin(lengths.length, 0, start);
    found.creditFound(of(0, 1, 2, 3, 4), 0, 1, 1);
    expect(found.count).toBe(0);
    found.walk(of(4), 0, 1, 1, true, lengths);
    expect(Array.from(found.names.subarray(0, found.count))).toEqual([4]);
  });

  it('grows past its first thousand names', () => {
    const many = new Uint8Array(5000).fill(1);
    const found = new FoundNames();
    found.begin(many.length, 0, start);
    found.walk(
      Array.from({ length: 5000 }, (_, i) => posting(i, 1)),
      0,
      1,
      1,
      true,
      many,
    );
    expect(found.count).toBe(5000);
    expect(found.credit[4999]).toBeCloseTo(-1 + 1);
  });

  it('keeps every name found apart when the table grows, and starts the next query empty', () => {
    // Ids far apart and ids that share their low bits, past several table sizes.
    const ids = [...new Set(Array.from({ length: 20000 }, (_, i) => (i % 2 === 0 ? i * 4096 : i * 7 + 1)))];
    const bound = Math.max(...ids) + 1;
    const ones = new Uint8Array(bound).fill(1);
    const found = new FoundNames();
    for (let round = 0; round < 2; round++) {
      found.begin(bound, 0, start);
      found.walk(
        ids.map((id) => posting(id, 1)),
        0,
        1,
        1,
        true,
        ones,
      );
      found.creditFound(
        ids.map((id) => posting(id, 1)),
        1,
        2,
        2,
      );
      expect(found.count).toBe(ids.length);
      expect(
        Array.from(found.credit.subarray(0, found.count)).every((c) => Math.abs(c - (-1 + 1 + 2)) < 1e-6),
      ).toBe(true);
      found.end();
    }
  });

  it('reads a name of many parts from the name column, fewer from its posting', () => {
    const long = new Uint8Array([12, 2]);
    const found = new FoundNames();
    found.begin(long.length, 0, start);
    found.walk([posting(0, 12), posting(1, 2)], 0, 1, 1, true, long);
    expect(creditOf(found, 0)).toBeCloseTo(-12 + 1);
    expect(creditOf(found, 1)).toBeCloseTo(-2 + 1);
    expect([nameOf(posting(1_000_000, 3)), partsOf(posting(1_000_000, 3)), partsOf(posting(5, 40))]).toEqual([
      1_000_000,
      3,
      MANY_PARTS,
    ]);
  });

  it('counts bits', () => {
    expect([0, 1, 0b1011, 0x3fffffff].map(bitCount)).toEqual([0, 1, 3, 30]);
  });
});
