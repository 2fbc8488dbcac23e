package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

/** Ingest refuses business times in the future: the simulated clock never runs ahead of the real one. */
class ScenarioTimeTest {

  @Test
  void anAcceleratedDayEndsWhenTheRunReachesItsEndAndNothingIsEverAheadOfTheRealClock() {
    Instant realStart = Instant.parse("2026-11-24T10:00:00Z");
    Timeline timeline = Timeline.of(realStart, 60, Duration.ZERO);
    assertThat(timeline.dayStart()).isEqualTo(Instant.parse("2026-11-23T10:24:00Z"));
    Scenario scenario = new Scenario(ScenarioPlan.of(ReferenceDataLoader.demo(), 1, timeline.dayStart(), true, true,
        null, null));
    int released = 0;
    Instant last = timeline.dayStart();
    for (Instant real = realStart; real.isBefore(realStart.plus(Duration.ofMinutes(40))); real = real.plusSeconds(7)) {
      Instant now = timeline.scenarioTime(real);
      assertThat(now).isBeforeOrEqualTo(real).isAfterOrEqualTo(last);
      last = now;
      List<Outbound> due = scenario.advanceTo(now);
      for (Outbound o : due) {
        assertThat(o.at()).as("%s", o).isBeforeOrEqualTo(real).isAfterOrEqualTo(timeline.dayStart());
      }
      released += due.size();
    }
    assertThat(released).isGreaterThan(15_000);
    Instant dayEnd = realStart.plus(Duration.ofMinutes(24));
    assertThat(timeline.scenarioTime(dayEnd)).isEqualTo(timeline.dayStart().plus(Duration.ofDays(1)));
    assertThat(Duration.between(timeline.scenarioTime(dayEnd.plusSeconds(600)), dayEnd.plusSeconds(600)))
        .as("after the day the simulation runs live").isEqualTo(Duration.ZERO);
  }

  @Test
  void inRealTimeTheSimulatedDayIsTodayInLondonAndRunsWithTheClock() {
    Instant realStart = Instant.parse("2026-07-01T13:30:00Z");
    Timeline timeline = Timeline.starting(realStart, 1, null);
    assertThat(timeline.dayStart()).isEqualTo(LocalDate.of(2026, 7, 1).atStartOfDay(Timeline.ZONE).toInstant());
    assertThat(timeline.scenarioTime(realStart)).isEqualTo(realStart);
    assertThat(timeline.scenarioTime(realStart.plusSeconds(90))).isEqualTo(realStart.plusSeconds(90));
  }

  @Test
  void aRunFromSixPlaysTheRestOfTheDayAtSpeed() {
    Instant realStart = Instant.parse("2026-11-24T10:00:00Z");
    Timeline timeline = Timeline.starting(realStart, 3_600, 6);
    assertThat(timeline.scenarioTime(realStart)).isEqualTo(timeline.dayStart().plus(Duration.ofHours(6)));
    assertThat(timeline.scenarioTime(realStart.plusSeconds(2)))
        .isEqualTo(timeline.dayStart().plus(Duration.ofHours(8)));
    assertThat(timeline.scenarioTime(realStart.plusSeconds(2))).isBefore(realStart);
  }
}
