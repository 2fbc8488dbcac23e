package org.goldcommand.streams.domain.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.pressure.Measure;
import org.junit.jupiter.api.Test;

class NewestFiguresTest {

  static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

  static Measure figure(String name, int minute, double value) {
    return new Measure(name, name, value, "%", AT.plusSeconds(minute * 60L));
  }

  @Test
  void aNewerFigureReplacesAnOlderOneOfTheSameNameWhicheverFeedBroughtIt() {
    List<Measure> sitrep = NewestFigures.merge(List.of(), List.of(figure("gaOccupancyPct", 0, 95.8),
        figure("staffAbsencePct", 0, 6.1)));
    List<Measure> bedState = NewestFigures.merge(sitrep, List.of(figure("gaOccupancyPct", 120, 90.0)));
    assertThat(bedState).containsExactly(figure("gaOccupancyPct", 120, 90.0), figure("staffAbsencePct", 0, 6.1));
  }

  @Test
  void anOlderOrRepeatedFigureChangesNothingAndACorrectionAtTheSameTimeDoes() {
    List<Measure> held = List.of(figure("gaOccupancyPct", 60, 95.8));
    assertThat(NewestFigures.merge(held, List.of(figure("gaOccupancyPct", 0, 70.0)))).isNull();
    assertThat(NewestFigures.merge(held, List.of(figure("gaOccupancyPct", 60, 95.8)))).isNull();
    assertThat(NewestFigures.merge(held, List.of(figure("gaOccupancyPct", 60, 96.0))))
        .containsExactly(figure("gaOccupancyPct", 60, 96.0));
  }

  @Test
  void theScoringOfAHeldFigureIsDropped() {
    Measure scored = new Measure("gaOccupancyPct", "gaOccupancyPct", 95.8, "%", AT, 3, 15.0, 10.0);
    assertThat(NewestFigures.merge(List.of(), List.of(scored))).containsExactly(figure("gaOccupancyPct", 0, 95.8));
  }

  @Property
  void whateverOrderUpdatesComeInTheNewestFigureOfEachNameIsHeld(@ForAll("updates") List<List<Measure>> updates,
      @ForAll Random random) {
    List<List<Measure>> shuffled = new ArrayList<>(updates);
    Collections.shuffle(shuffled, random);
    List<Measure> held = List.of();
    for (List<Measure> update : shuffled) {
      List<Measure> merged = NewestFigures.merge(held, update);
      held = merged == null ? held : merged;
    }
    Map<String, Measure> newest = updates.stream().flatMap(List::stream).collect(Collectors.toMap(Measure::name,
        Function.identity(), (a, b) -> a.asAt().isAfter(b.asAt()) ? a : b));
    assertThat(held).containsExactlyInAnyOrderElementsOf(newest.values());
  }

  /** Updates of a few names, each figure of a name at its own minute. */
  @Provide
  Arbitrary<List<List<Measure>>> updates() {
    Arbitrary<Measure> figure = Combinators.combine(Arbitraries.of("gaOccupancyPct", "escalationSharePct",
            "criticalCareOccupancyPct"), Arbitraries.integers().between(0, 2000),
        Arbitraries.doubles().between(0, 120).ofScale(1))
        .as(NewestFiguresTest::figure);
    return figure.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Measure::name).list().ofMaxSize(12)
        .filter(all -> all.stream().flatMap(List::stream).map(m -> m.name() + m.asAt()).distinct().count()
            == all.stream().mapToLong(List::size).sum())
        .map(all -> all.stream().map(u -> u.stream().sorted(Comparator.comparing(Measure::name)).toList()).toList());
  }
}
