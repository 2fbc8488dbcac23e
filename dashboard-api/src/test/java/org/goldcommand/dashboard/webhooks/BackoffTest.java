package org.goldcommand.dashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Property
  void aDelayIsNeverZeroAndNeverBeyondItsCeilingOrTheMaximum(@ForAll @IntRange(min = 1, max = 10_000) int initialMs,
      @ForAll @IntRange(min = 0, max = 20) int extra, @ForAll @IntRange(min = 1, max = 60) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    Backoff backoff = new Backoff(Duration.ofMillis(initialMs), Duration.ofMillis((long) initialMs << extra), 10);
    long delay = backoff.delayMillis(attempt, random);
    assertThat(delay).isBetween(1L, Math.max(1L, backoff.ceilingMillis(attempt)));
    assertThat(backoff.ceilingMillis(attempt)).isLessThanOrEqualTo(backoff.max().toMillis());
  }

  @Property
  void theCeilingDoublesUntilItReachesTheMaximum(@ForAll @IntRange(min = 1, max = 10_000) int initialMs,
      @ForAll @IntRange(min = 1, max = 40) int attempt) {
    Backoff backoff = new Backoff(Duration.ofMillis(initialMs), Duration.ofMinutes(10), 10);
    long next = backoff.ceilingMillis(attempt + 1);
    long now = backoff.ceilingMillis(attempt);
    assertThat(next).isEqualTo(Math.min(now * 2, Duration.ofMinutes(10).toMillis()));
  }

  @Test
  void attemptsStopAtTheLimit() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 3);
    assertThat(backoff.mayRetryAfter(1)).isTrue();
    assertThat(backoff.mayRetryAfter(2)).isTrue();
    assertThat(backoff.mayRetryAfter(3)).isFalse();
    assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
    assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
    assertThat(backoff.ceilingMillis(9)).isEqualTo(60_000);
  }

  @Test
  void aNonsenseBackoffIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
