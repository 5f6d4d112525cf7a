import { IdLists } from './id-lists';

function ids(lists: IdLists, slot: number): number[] {
  const out: number[] = [];
  for (let node = lists.first(slot); node >= 0; node = lists.next(node)) out.push(lists.id(node));
  return out;
}

describe('IdLists', () => {
  it('keeps each key’s ids in the order added, an id repeated last only once', () => {
    const lists = new IdLists();
    lists.add(7, 3);
    lists.add(0xfffffff0, 1);
    lists.add(7, 3);
    lists.add(7, 9);
    lists.add(7, 3);
    expect(ids(lists, lists.slotOf(7))).toEqual([3, 9, 3]);
    expect(lists.count(lists.slotOf(7))).toBe(3);
    expect(ids(lists, lists.slotOf(0xfffffff0))).toEqual([1]);
    expect(lists.slotOf(8)).toBe(-1);
    expect(lists.size).toBe(2);
  });

  it('tells slots of one key apart by their tags, through growth', () => {
    const lists = new IdLists();
    lists.create(42, 100, 1);
    lists.create(42, 200, 2);
    // Enough keys for several rehashes, many of them probing past key 42's slots.
    for (let k = 1; k < 5000; k++) lists.add(k * 1024 + 42, k + 10);
    const slotTagged = (tag: number): number => {
      for (let s = lists.slotOf(42); s >= 0; s = lists.nextSlot(s)) if (lists.tag(s) === tag) return s;
      return -1;
    };
    lists.append(slotTagged(100), 5);
    expect(ids(lists, slotTagged(100))).toEqual([1, 5]);
    expect(ids(lists, slotTagged(200))).toEqual([2]);
    expect(lists.size).toBe(5001);
    for (let k = 1; k < 5000; k++) expect(ids(lists, lists.slotOf(k * 1024 + 42))).toEqual([k + 10]);
  });
});
