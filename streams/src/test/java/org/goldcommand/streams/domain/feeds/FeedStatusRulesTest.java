package org.goldcommand.streams.domain.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.goldcommand.events.status.FeedStatus;
import org.junit.jupiter.api.Test;

class FeedStatusRulesTest {

  static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void acceptedAndRefusedAreCountedAndTheLatestOfEachKept() {
    FeedStatus status = FeedStatusRules.apply(null, FeedActivity.accepted("RXN", "QE1", "sitrep", MORNING, MORNING.minusSeconds(60)));
    status = FeedStatusRules.apply(status, FeedActivity.refused("RXN", "QE1", "sitrep", MORNING.plusSeconds(10), "400 bad field"));
    status = FeedStatusRules.apply(status, FeedActivity.accepted("RXN", "QE1", "sitrep", MORNING.plusSeconds(20), MORNING));

    assertThat(status.acceptedToday()).isEqualTo(2);
    assertThat(status.rejectedToday()).isEqualTo(1);
    assertThat(status.lastReceivedAt()).isEqualTo(MORNING.plusSeconds(20));
    assertThat(status.lastBusinessTime()).isEqualTo(MORNING);
    assertThat(status.lastRejection()).isEqualTo("400 bad field");
  }

  @Test
  void countsStartAgainAtMidnightButTheLastArrivalIsKept() {
    FeedStatus yesterday = FeedStatusRules.apply(null, FeedActivity.accepted("RXN", "QE1", "sitrep", MORNING, MORNING));
    FeedStatus today = FeedStatusRules.apply(yesterday,
        FeedActivity.refused("RXN", "QE1", "sitrep", MORNING.plusSeconds(24 * 3600), "422 rules"));
    assertThat(today.acceptedToday()).isZero();
    assertThat(today.rejectedToday()).isEqualTo(1);
    assertThat(today.lastReceivedAt()).isEqualTo(MORNING);
    assertThat(today.day()).hasToString("2026-11-25");
  }

  @Property
  void lateOrReplayedActivityNeverMovesTheLastArrivalBackwards(@ForAll("activities") List<FeedActivity> activities) {
    FeedStatus status = null;
    Instant latestAccepted = null;
    for (FeedActivity activity : activities) {
      FeedStatus before = status;
      status = FeedStatusRules.apply(status, activity);
      if (activity.rejection() == null && (latestAccepted == null || activity.at().isAfter(latestAccepted))) {
        latestAccepted = activity.at();
      }
      if (before != null && before.day().equals(status.day())) {
        assertThat(status.acceptedToday() + status.rejectedToday())
            .isGreaterThanOrEqualTo(before.acceptedToday() + before.rejectedToday());
      }
    }
    assertThat(status.lastReceivedAt()).isEqualTo(latestAccepted);
  }

  @Provide
  Arbitrary<List<FeedActivity>> activities() {
    Arbitrary<FeedActivity> one = Arbitraries.integers().between(0, 3 * 24 * 3600).flatMap(seconds ->
        Arbitraries.of(true, false).map(ok -> ok
            ? FeedActivity.accepted("RXN", "QE1", "ed-snapshot", MORNING.plusSeconds(seconds), MORNING)
            : FeedActivity.refused("RXN", "QE1", "ed-snapshot", MORNING.plusSeconds(seconds), "400")));
    return one.list().ofMinSize(1).ofMaxSize(30);
  }

  @Property
  void mergingDailyBatchesGivesWhatApplyingEveryActivityGives(@ForAll("timedActivities") List<FeedActivity> activities,
      @ForAll @IntRange(min = 1, max = 7) int chunk) {
    FeedStatus oneByOne = null;
    for (FeedActivity a : activities) {
      oneByOne = FeedStatusRules.apply(oneByOne, a);
    }
    FeedStatus batched = null;
    for (int from = 0; from < activities.size(); from += chunk) {
      Map<LocalDate, FeedStatus> batches = new TreeMap<>();
      for (FeedActivity a : activities.subList(from, Math.min(activities.size(), from + chunk))) {
        batches.merge(LocalDate.ofInstant(a.at(), ZoneOffset.UTC), FeedStatusRules.apply(null, a),
            (sofar, ignored) -> FeedStatusRules.apply(sofar, a));
      }
      for (FeedStatus batch : batches.values()) {
        batched = FeedStatusRules.merge(batched, batch);
      }
    }
    assertThat(batched).isEqualTo(oneByOne);
  }

  @Provide
  Arbitrary<List<FeedActivity>> timedActivities() {
    Arbitrary<FeedActivity> one = Combinators.combine(Arbitraries.integers().between(0, 3 * 24 * 60),
        Arbitraries.integers().between(0, 600), Arbitraries.of(true, false))
        .as((minute, lag, accepted) -> {
          Instant at = MORNING.plusSeconds(60L * minute);
          return accepted ? FeedActivity.accepted("RXN", "QE1", "sitrep", at, at.minusSeconds(60L * lag))
              : FeedActivity.refused("RXN", "QE1", "sitrep", at, "refusal at minute " + minute);
        });
    return one.list().ofMinSize(1).ofMaxSize(30).uniqueElements(FeedActivity::at);
  }
}
