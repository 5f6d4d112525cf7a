import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('remembers what was set', () => {
    const cache = new BoundedCache<string>(4);
    cache.set('a', 'A');
    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its capacity', () => {
    const cache = new BoundedCache<number>(100);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(100);
    expect(cache.get('k9999')).toBe(9999);
    expect(cache.get('k0')).toBeUndefined();
  });

  it('keeps entries in steady use', () => {
    const cache = new BoundedCache<number>(10);
    cache.set('kept', 0);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i);
      expect(cache.get('kept')).toBe(0);
    }
  });

  it('forgets everything on clear', () => {
    const cache = new BoundedCache<number>(10);
    cache.set('a', 1);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
