package org.goldcommand.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AlertRetentionTest {

  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  final AlertRetention retention = new AlertRetention(Duration.ofHours(24));

  @Property
  void anOpenAlertIsAlwaysKept(@ForAll @LongRange(min = 0, max = 10_000_000) long ageSeconds) {
    assertThat(retention.keep(false, null, NOW.plusSeconds(ageSeconds))).isTrue();
  }

  @Test
  void aResolvedAlertIsKeptForADayThenLeaves() {
    Instant resolved = NOW.minus(Duration.ofHours(23));
    assertThat(retention.keep(true, resolved, NOW)).isTrue();
    assertThat(retention.keep(true, resolved, NOW.plus(Duration.ofHours(1)))).isFalse();
    assertThat(retention.keep(true, resolved, NOW.plus(Duration.ofMinutes(59)))).isTrue();
  }

  @Test
  void aResolvedAlertThatDoesNotSayWhenIsNotKept() {
    assertThat(retention.keep(true, null, NOW)).isFalse();
  }
}
