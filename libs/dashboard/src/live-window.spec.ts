import { LATENCY_SECONDS, LiveWindow, THROUGHPUT_SECONDS } from './live-window';

const NOW = 1_700_000_000_000;
const WINDOW = 300;
const secondsAgo = (s: number) => NOW - s * 1000;

describe('LiveWindow', () => {
  it('averages throughput over the last complete seconds, not the one still filling', () => {
    const w = new LiveWindow(WINDOW);
    for (let s = 1; s <= THROUGHPUT_SECONDS; s++)
      for (let i = 0; i < 5; i++) w.addDecision(secondsAgo(s), 'CLEAR', undefined, NOW);
    for (let i = 0; i < 100; i++) w.addDecision(NOW, 'CLEAR', undefined, NOW);
    w.addDecision(secondsAgo(THROUGHPUT_SECONDS + 1), 'CLEAR', undefined, NOW);
    expect(w.figures(NOW).throughput).toBe(5);
  });

  it.each([
    ['inside the window', secondsAgo(WINDOW - 1), 1],
    ['older than the window', secondsAgo(WINDOW), 0],
    ['from a clock ahead of ours (counted now)', NOW + 60_000, 1],
    ['without a valid time', NaN, 0],
  ])('keeps an event %s', (_label, at, expected) => {
    const w = new LiveWindow(WINDOW);
    w.addDecision(at, 'REFER', undefined, NOW);
    expect(w.figures(NOW).outcomes.REFER).toBe(expected);
  });

  it('counts outcomes and dead letters over the window, percentiles over the last minute', () => {
    const w = new LiveWindow(WINDOW);
    w.addDecision(secondsAgo(LATENCY_SECONDS + 5), 'NO_BOARD', 10_000, NOW);
    for (let ms = 1; ms <= 100; ms++) w.addDecision(secondsAgo(2), 'CLEAR', ms, NOW);
    w.addDecision(secondsAgo(1), 'EXPEDITE', undefined, NOW);
    w.addDeadLetter(secondsAgo(3), NOW);
    const f = w.figures(NOW);
    expect(f.outcomes).toEqual({ CLEAR: 100, EXPEDITE: 1, REFER: 0, NO_BOARD: 1 });
    expect(f.deadLetters).toBe(1);
    expect(f.latency?.count).toBe(100);
    expect(f.latency?.p50).toBeCloseTo(50, 0);
    expect(f.latency?.p99).toBeCloseTo(99, 0);
  });

  it('charts every second of the window, zero-filled, with per-second percentiles', () => {
    const w = new LiveWindow(WINDOW);
    w.addDecision(secondsAgo(3), 'REFER', 40, NOW);
    w.addDeadLetter(secondsAgo(3), NOW);
    const series = w.series(NOW);
    expect(series).toHaveLength(WINDOW);
    expect(series[series.length - 1].t).toBe(NOW / 1000);
    const point = series.find((p) => p.t === NOW / 1000 - 3);
    expect(point).toMatchObject({
      decisions: 1,
      deadLetters: 1,
      outcomes: { REFER: 1 },
      p50: expect.closeTo(40, 0),
      p99: expect.closeTo(40, 0),
    });
    expect(series.filter((p) => p.decisions > 0)).toHaveLength(1);
  });

  it('gives only the tail asked for', () => {
    const w = new LiveWindow(WINDOW);
    expect(w.series(NOW, NOW / 1000 - 4).map((p) => p.t)).toEqual([4, 3, 2, 1, 0].map((s) => NOW / 1000 - s));
  });

  it('forgets seconds that slid out of the window', () => {
    const w = new LiveWindow(WINDOW);
    w.addDecision(NOW, 'CLEAR', 5, NOW);
    const later = NOW + WINDOW * 1000;
    expect(w.figures(later).outcomes.CLEAR).toBe(0);
    expect(w.series(later).every((p) => p.decisions === 0)).toBe(true);
  });

  it('refuses a window shorter than the latency window', () => {
    expect(() => new LiveWindow(LATENCY_SECONDS - 1)).toThrow(/window/);
  });
});
