export interface BackoffPolicy {
  /** Attempts in all, the first included; after the last failed one the delivery is dead-lettered. */
  maxAttempts: number;
  /** Wait before the second attempt, ms; doubled for each one after. */
  baseDelayMs: number;
  /** No wait is longer than this, ms. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so
 * receivers that failed together do not all get retried in the same instant. `attempt` is the
 * attempt that just failed (1 = the first). Returns null when no attempt is left.
 */
export function nextRetryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + (full / 2) * random());
}
