package org.goldcommand.streams.domain.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HandoverStatsTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static Handover handover(String id, int handedOverMinutesAgo, int minutes) {
    Instant handedOver = NOW.minusSeconds(handedOverMinutesAgo * 60L);
    return new Handover(id, "RXN02", handedOver.minusSeconds(minutes * 60L), handedOver);
  }

  @Test
  void theMeanCoversTheLastHourAndTheShareOverAnHourCoversToday() {
    List<Handover> handovers = List.of(
        handover("a", 10, 20), handover("b", 30, 40), handover("c", 70, 90), handover("d", 300, 65),
        handover("e", 13 * 60, 120));
    HandoverStats.Figures figures = HandoverStats.at(handovers, NOW, LONDON);
    assertThat(figures.meanMinutesLastHour()).isEqualTo(30.0);
    assertThat(figures.handoversToday()).isEqualTo(4);
    assertThat(figures.over60PctToday()).isEqualTo(50.0);
  }

  @Test
  void withNoHandoversThereIsNoFigureRatherThanAReassuringZero() {
    HandoverStats.Figures figures = HandoverStats.at(List.of(), NOW, LONDON);
    assertThat(figures.meanMinutesLastHour()).isNull();
    assertThat(figures.over60PctToday()).isNull();
  }

  @Test
  void aHandoverFromTheFutureOfNowIsNotCountedYet() {
    HandoverStats.Figures figures = HandoverStats.at(List.of(handover("late", -5, 30)), NOW, LONDON);
    assertThat(figures.meanMinutesLastHour()).isNull();
  }

  @Property
  void theOrderHandoversArriveInNeverChangesTheFigures(@ForAll("handovers") List<Handover> handovers) {
    List<Handover> shuffled = new ArrayList<>(handovers);
    Collections.reverse(shuffled);
    assertThat(HandoverStats.at(shuffled, NOW, LONDON)).isEqualTo(HandoverStats.at(handovers, NOW, LONDON));
  }

  @Property
  void theShareIsAPercentageAndALongerWaitNeverLowersTheMean(@ForAll("handovers") List<Handover> handovers) {
    HandoverStats.Figures figures = HandoverStats.at(handovers, NOW, LONDON);
    if (figures.over60PctToday() != null) {
      assertThat(figures.over60PctToday()).isBetween(0.0, 100.0);
    }
    List<Handover> longer = handovers.stream()
        .map(h -> new Handover(h.incidentId(), h.siteCode(), h.arrivedAt().minusSeconds(600), h.handedOverAt())).toList();
    HandoverStats.Figures worse = HandoverStats.at(longer, NOW, LONDON);
    if (figures.meanMinutesLastHour() != null) {
      assertThat(worse.meanMinutesLastHour()).isGreaterThanOrEqualTo(figures.meanMinutesLastHour());
    }
  }

  @Provide
  Arbitrary<List<Handover>> handovers() {
    Arbitrary<Handover> one = Combinators.combine(
        Arbitraries.strings().alpha().ofLength(6), Arbitraries.integers().between(0, 20 * 60),
        Arbitraries.integers().between(0, 180)).as(HandoverStatsTest::handover);
    return one.list().ofMaxSize(40);
  }
}
