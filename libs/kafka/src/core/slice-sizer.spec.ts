import { SliceSizer } from './slice-sizer';

describe('SliceSizer', () => {
  it('takes `max` records when no target is set (the former behaviour)', () => {
    const s = new SliceSizer(0, 2000);
    s.handled(100, 50);
    expect(s.next(250)).toBe(2000);
  });

  it('starts with a small slice, then sizes slices to the target from the cost learnt', () => {
    const s = new SliceSizer(50, 2000, 10);
    expect(s.next(40)).toBe(10);
    s.handled(10, 10); // 1 ms a record
    expect(s.next(150)).toBe(50);
    s.handled(50, 25); // 0.5 ms a record: the average moves towards it, by records
    expect(s.next(150)).toBe(Math.floor(50 / ((0.7 * 10 + 25) / (0.7 * 10 + 50))));
  });

  it('stays within min and max', () => {
    const s = new SliceSizer(50, 100, 5);
    s.handled(10, 1000); // 100 ms a record
    expect(s.next(2)).toBe(5);
    const fast = new SliceSizer(50, 100, 5);
    fast.handled(1000, 1); // 1 µs a record
    expect(fast.next(20)).toBe(100);
  });

  it('takes `max` records when what waits would take longer than the backlog limit (capacity over latency)', () => {
    const s = new SliceSizer(50, 2000, 10, 500);
    s.handled(10, 10); // 1 ms a record: slices of 50, 500 records are 500 ms of work
    expect(s.next(500)).toBe(50);
    expect(s.next(501)).toBe(2000);
  });

  it('slices a 250-traveller manifest alone on its partition (the backlog is judged in time, not in slices)', () => {
    const s = new SliceSizer(20, 2000, 10, 500);
    s.handled(40, 18); // 0.45 ms a traveller: the manifest is about 112 ms of work, 11 slices of 44
    expect(s.next(250)).toBe(44);
    // Thousands behind it (a partition far behind): whole batches.
    expect(s.next(5000)).toBe(2000);
  });

  it("soon forgets a cold process's first slice (seconds for 10 records)", () => {
    const s = new SliceSizer(20, 2000, 10, 1000);
    s.handled(10, 1300); // 130 ms a record: JIT, empty caches
    s.handled(2000, 1000); // then 0.5 ms a record
    // (0.7 × 1300 + 1000) / (0.7 × 10 + 2000) ≈ 0.95 ms a record: a 250-traveller manifest is sliced.
    expect(s.next(250)).toBe(Math.floor(20 / ((0.7 * 1300 + 1000) / (0.7 * 10 + 2000))));
  });

  it('ignores empty slices', () => {
    const s = new SliceSizer(50, 2000, 10);
    s.handled(0, 30);
    expect(s.next(20)).toBe(10);
  });
});
