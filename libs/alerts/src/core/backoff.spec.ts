import { nextRetryDelayMs } from './backoff';

const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };

describe('nextRetryDelayMs', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0, 1000],
    [3, 1, 4000],
    // Capped: 8000 → 5000.
    [4, 0.5, 3750],
  ])('after attempt %i with jitter %p waits %i ms', (attempt, random, expected) => {
    expect(nextRetryDelayMs(attempt, policy, () => random)).toBe(expected);
  });

  it('gives up after the last attempt', () => {
    expect(nextRetryDelayMs(5, policy)).toBeNull();
    expect(nextRetryDelayMs(1, { ...policy, maxAttempts: 1 })).toBeNull();
  });
});
