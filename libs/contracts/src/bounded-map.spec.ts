import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('remembers what was set', () => {
    const map = new BoundedMap<string, number>(4);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1);
    expect(map.has('b')).toBe(true);
    expect(map.get('c')).toBeUndefined();
    expect(map.has('c')).toBe(false);
    expect(map.size).toBe(2);
  });

  it('forgets the key added first once full, whatever was read since', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.get('a')).toBe(1); // a read does not make `a` recent
    map.set('d', 4);
    expect(map.has('a')).toBe(false);
    expect([map.get('b'), map.get('c'), map.get('d')]).toEqual([2, 3, 4]);
    map.set('e', 5);
    expect(map.has('b')).toBe(false);
    expect(map.size).toBe(3);
  });

  it('replaces the value of a key it holds without forgetting another or moving it', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(10);
    expect(map.get('b')).toBe(2);
    map.set('c', 3);
    expect(map.has('a')).toBe(false);
    expect(map.has('b')).toBe(true);
  });

  it('never holds more than its capacity', () => {
    const map = new BoundedMap<number, number>(100);
    for (let i = 0; i < 10_000; i++) map.set(i, i);
    expect(map.size).toBe(100);
    expect(map.get(9999)).toBe(9999);
    expect(map.get(9900)).toBe(9900);
    expect(map.has(9899)).toBe(false);
  });

  it('makes room when a key is deleted', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.delete('a')).toBe(true);
    expect(map.delete('a')).toBe(false);
    map.set('c', 3);
    expect(map.get('b')).toBe(2);
    expect(map.get('c')).toBe(3);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %p', (capacity) => {
    expect(() => new BoundedMap(capacity)).toThrow(RangeError);
  });
});
