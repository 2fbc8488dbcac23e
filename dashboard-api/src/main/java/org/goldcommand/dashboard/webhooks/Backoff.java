package org.goldcommand.dashboard.webhooks;

import java.time.Duration;

/**
 * When to try a failed webhook delivery again: exponential backoff from {@code initial}, doubling
 * per attempt up to {@code max}, with "full jitter" (a uniformly random delay up to that ceiling),
 * so receivers coming back after an outage are not hit by every sender in step.
 *
 * @param initial the ceiling of the first retry's delay
 * @param max the largest delay ever waited
 * @param maxAttempts how many attempts in all (the first send included) before giving up
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("Backoff needs 0 < initial <= max and at least one attempt");
    }
  }

  /** Whether another attempt may follow attempt number {@code attempt} (counted from 1). */
  public boolean mayRetryAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The ceiling of the delay after attempt number {@code attempt} (from 1) failed. */
  public long ceilingMillis(int attempt) {
    long ceiling = initial.toMillis();
    for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, max.toMillis());
  }

  /**
   * The delay after attempt {@code attempt} failed, given a random number in [0, 1); at least one
   * millisecond so a retry is never immediate.
   */
  public long delayMillis(int attempt, double random) {
    return Math.max(1, (long) (ceilingMillis(attempt) * random));
  }
}
