package org.goldcommand.streams.domain.beds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.pressure.Measure;
import org.junit.jupiter.api.Test;

class WardBedsTest {

  static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  static BedState ward(String ward, BedType type, Instant asAt, int open, int occupied, int escalation) {
    return new BedState("RXN02", ward, type, asAt, open, occupied, escalation, 0);
  }

  static Map<String, BedState> apply(List<BedState> states) {
    Map<String, BedState> wards = Map.of();
    for (BedState s : states) {
      Map<String, BedState> next = WardBeds.with(wards, s);
      wards = next == null ? wards : next;
    }
    return wards;
  }

  static Double value(List<Measure> measures, String name) {
    return measures.stream().filter(m -> m.name().equals(name)).map(Measure::value).findFirst().orElse(null);
  }

  @Test
  void eachWardsLatestStateIsSummedIntoTheSitrepsMeasures() {
    List<Measure> measures = WardBeds.measures(apply(List.of(
        ward("A1", BedType.GA, AT, 30, 28, 2), ward("A2", BedType.GA, AT, 20, 20, 0),
        ward("A1", BedType.GA, AT.minusSeconds(600), 30, 10, 0),
        ward("ICU", BedType.CRITICAL_CARE, AT, 10, 9, 0), ward("P1", BedType.PAEDIATRIC, AT, 10, 2, 0))).values());
    assertThat(value(measures, "gaOccupancyPct")).as("48 of 50, the older A1 state ignored").isEqualTo(96.0);
    assertThat(value(measures, "escalationSharePct")).isEqualTo(4.0);
    assertThat(value(measures, "criticalCareOccupancyPct")).isEqualTo(90.0);
    assertThat(value(measures, "gaOpen")).isEqualTo(50.0);
  }

  @Test
  void aCopyOrAnOlderStateChangesNothingAndACorrectionAtTheSameTimeReplaces() {
    Map<String, BedState> wards = apply(List.of(ward("A1", BedType.GA, AT, 30, 28, 0)));
    assertThat(WardBeds.with(wards, ward("A1", BedType.GA, AT, 30, 28, 0))).isNull();
    assertThat(WardBeds.with(wards, ward("A1", BedType.GA, AT.minusSeconds(1), 30, 1, 0))).isNull();
    assertThat(WardBeds.with(wards, ward("A1", BedType.GA, AT, 30, 29, 0))).containsValue(
        ward("A1", BedType.GA, AT, 30, 29, 0));
  }

  @Test
  void aWardSilentForADayWhileOthersReportStopsCounting() {
    Map<String, BedState> wards = apply(List.of(ward("OLD", BedType.GA, AT, 30, 30, 0),
        ward("A1", BedType.GA, AT.plus(Duration.ofDays(1)).plusSeconds(1), 20, 10, 0)));
    assertThat(wards).containsOnlyKeys("RXN02/A1");
  }

  @Property
  void theOrderWardStatesArriveInNeverChangesTheFigures(@ForAll("states") List<BedState> states,
      @ForAll Random random) {
    List<BedState> shuffled = new ArrayList<>(states);
    Collections.shuffle(shuffled, random);
    assertThat(WardBeds.measures(apply(shuffled).values())).isEqualTo(WardBeds.measures(apply(states).values()));
  }

  @Property
  void theEscalationShareIsAlwaysAPercentage(@ForAll("states") List<BedState> states) {
    Double share = value(WardBeds.measures(apply(states).values()), "escalationSharePct");
    if (share != null) {
      assertThat(share).isBetween(0.0, 100.0);
    }
  }

  /** Ward states with distinct times per ward, so "the latest" is never a tie. */
  @Provide
  Arbitrary<List<BedState>> states() {
    return Combinators.combine(Arbitraries.of("A1", "A2", "B1", "ICU"), Arbitraries.integers().between(0, 600),
        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 45),
        Arbitraries.integers().between(0, 50))
        .as((w, minute, open, occupied, escalation) -> ward(w, w.equals("ICU") ? BedType.CRITICAL_CARE : BedType.GA,
            AT.plusSeconds(minute * 60L), open, occupied, escalation))
        .list().ofMaxSize(30).uniqueElements(s -> s.wardCode() + s.asAt());
  }
}
