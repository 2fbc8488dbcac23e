package org.goldcommand.streams.domain.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.sitrep.Sitrep;
import org.junit.jupiter.api.Test;

class BedOccupancyTest {

  static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

  static double value(List<Measure> measures, String name) {
    return measures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
  }

  @Test
  void occupancyCountsEscalationBedsAsOpenAndKeepsTheCounts() {
    List<Measure> measures = BedOccupancy.measures(new Sitrep.Beds(700, 20, 690, 30, 28, 6), AT);
    assertThat(value(measures, BedOccupancy.GA_OCCUPANCY_PCT)).isEqualTo(95.8);
    assertThat(value(measures, BedOccupancy.GA_OPEN)).isEqualTo(720);
    assertThat(value(measures, BedOccupancy.CC_OCCUPANCY_PCT)).isEqualTo(93.3);
    assertThat(measures).allMatch(m -> m.asAt().equals(AT));
  }

  @Test
  void criticalCareIsLeftOutWhenNotReportedAndNoPercentageDividesByZero() {
    List<Measure> measures = BedOccupancy.measures(new Sitrep.Beds(0, null, 0, null, null, null), AT);
    assertThat(measures).extracting(Measure::name).containsExactly(BedOccupancy.GA_OCCUPIED, BedOccupancy.GA_OPEN);
  }

  @Property
  void occupancyIsAPercentageWhileOccupiedBedsFitTheOpenOnes(
      @ForAll @IntRange(min = 1, max = 5_000) int open, @ForAll @IntRange(min = 0, max = 5_000) int occupied) {
    int fitting = Math.min(occupied, open);
    double pct = value(BedOccupancy.measures(new Sitrep.Beds(open, 0, fitting, null, null, null), AT),
        BedOccupancy.GA_OCCUPANCY_PCT);
    assertThat(pct).isBetween(0.0, 100.0);
  }

  @Property
  void oneMoreOccupiedBedNeverLowersOccupancy(
      @ForAll @IntRange(min = 1, max = 5_000) int open, @ForAll @IntRange(min = 0, max = 4_999) int occupied) {
    double before = BedOccupancy.percent(occupied, open);
    double after = BedOccupancy.percent(occupied + 1, open);
    assertThat(after).isGreaterThanOrEqualTo(before);
  }
}
