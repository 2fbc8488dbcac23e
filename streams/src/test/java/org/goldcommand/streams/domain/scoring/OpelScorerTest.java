package org.goldcommand.streams.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class OpelScorerTest {

  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final ScoringTable TABLE = ScoringTables.defaultTable();
  static final OpelScorer SCORER = new OpelScorer(TABLE);

  static Map<String, Reading> readings(Map<String, Double> values) {
    Map<String, Reading> readings = new HashMap<>();
    values.forEach((name, value) -> readings.put(name, new Reading(value, NOW.minusSeconds(60))));
    return readings;
  }

  static Map<String, Double> calm() {
    Map<String, Double> values = new HashMap<>();
    values.put("handoverMeanMinutes", 12.0);
    values.put("handoversOver60Pct", 0.0);
    values.put("fourHourPct", 82.0);
    values.put("over12hPct", 1.0);
    values.put("edOccupancyPct", 80.0);
    values.put("gaOccupancyPct", 84.0);
    values.put("escalationSharePct", 0.0);
    values.put("nctrSharePct", 9.0);
    values.put("criticalCareOccupancyPct", 75.0);
    values.put("staffAbsencePct", 3.5);
    return values;
  }

  @Test
  void theDefaultTableIsVersionedIllustrativeAndWeighsOneHundred() {
    assertThat(TABLE.version()).isNotBlank();
    assertThat(TABLE.note()).containsIgnoringCase("illustrative");
    assertThat(TABLE.parameters()).hasSize(10);
    assertThat(TABLE.parameters().stream().mapToDouble(ScoringTable.Parameter::weight).sum()).isEqualTo(100);
  }

  @Test
  void aCalmTrustIsOpelOneAndAnOverwhelmedOneOpelFour() {
    Score calm = SCORER.score(readings(calm()), NOW);
    assertThat(calm.score()).isZero();
    assertThat(calm.level()).isEqualTo(1);
    assertThat(calm.completeness()).isEqualTo(1.0);
    assertThat(calm.tableVersion()).isEqualTo(TABLE.version());

    Map<String, Double> worst = calm();
    worst.putAll(Map.of("handoverMeanMinutes", 95.0, "handoversOver60Pct", 30.0, "fourHourPct", 50.0,
        "over12hPct", 14.0, "edOccupancyPct", 140.0, "gaOccupancyPct", 99.0, "escalationSharePct", 9.0,
        "nctrSharePct", 25.0, "criticalCareOccupancyPct", 104.0, "staffAbsencePct", 9.5));
    Score overwhelmed = SCORER.score(readings(worst), NOW);
    assertThat(overwhelmed.score()).isEqualTo(100.0);
    assertThat(overwhelmed.level()).isEqualTo(4);
  }

  @Test
  void aWorkedCaseGivesTheLevelAndDriversTheTableSays() {
    Map<String, Double> values = calm();
    values.put("gaOccupancyPct", 96.0);     // level 3: 15 x 2/3 = 10
    values.put("handoverMeanMinutes", 45.0); // level 3: 15 x 2/3 = 10
    values.put("over12hPct", 11.0);          // level 4: 15 x 3/3 = 15
    values.put("fourHourPct", 72.0);         // level 2: 10 x 1/3 = 3.3
    Score score = SCORER.score(readings(values), NOW);
    assertThat(score.score()).isEqualTo(38.3);
    assertThat(score.level()).isEqualTo(2);
    Driver top = score.drivers().get(0);
    assertThat(top.name()).isEqualTo("over12hPct");
    assertThat(top.level()).isEqualTo(4);
    assertThat(top.contribution()).isEqualTo(15.0);
  }

  @Test
  void bandsAreExactAtTheirEdges() {
    ScoringTable.Parameter ga = parameter("gaOccupancyPct");
    assertThat(ga.level(85.0)).isEqualTo(1);
    assertThat(ga.level(85.01)).isEqualTo(2);
    assertThat(ga.level(92.0)).isEqualTo(2);
    assertThat(ga.level(97.0)).isEqualTo(3);
    assertThat(ga.level(97.01)).isEqualTo(4);
    ScoringTable.Parameter fourHour = parameter("fourHourPct");
    assertThat(fourHour.level(78.0)).isEqualTo(1);
    assertThat(fourHour.level(77.99)).isEqualTo(2);
    assertThat(fourHour.level(60.0)).isEqualTo(3);
    assertThat(fourHour.level(59.99)).isEqualTo(4);
    ScoringTable.Parameter handoversOver60 = parameter("handoversOver60Pct");
    assertThat(handoversOver60.level(0.0)).isEqualTo(1);
    assertThat(handoversOver60.level(0.1)).isEqualTo(2);
  }

  @Test
  void missingAndStaleDataIsLeftOutAndSaysSo() {
    Map<String, Reading> some = readings(Map.of("gaOccupancyPct", 99.0));
    some.put("staffAbsencePct", new Reading(9.0, NOW.minus(Duration.ofHours(30))));
    Score score = SCORER.score(some, NOW);
    assertThat(score.score()).isEqualTo(100.0);
    assertThat(score.completeness()).isEqualTo(0.15);
    assertThat(score.drivers()).filteredOn(d -> d.name().equals("staffAbsencePct"))
        .extracting(Driver::status).containsExactly(Driver.Status.STALE);
    assertThat(score.drivers()).filteredOn(d -> d.status() == Driver.Status.MISSING).hasSize(8);
    assertThat(SCORER.score(Map.of(), NOW).score()).isNull();
  }

  @Test
  void aTableThatContradictsItselfIsRefused() {
    assertThatThrownBy(() -> new ScoringTable.Parameter("x", "x", "%", ScoringTable.Worse.HIGHER, List.of(90.0, 80.0, 95.0),
        5, Duration.ofHours(1))).hasMessageContaining("better to worse");
    assertThatThrownBy(() -> new ScoringTable.Parameter("x", "x", "%", ScoringTable.Worse.HIGHER, List.of(1.0, 2.0), 5,
        Duration.ofHours(1))).hasMessageContaining("three band boundaries");
  }

  @Property
  void aWorseParameterNeverLowersTheScore(@ForAll("completeSets") Map<String, Double> values,
      @ForAll("parameterNames") String name, @ForAll @DoubleRange(min = 0, max = 50) double worsening) {
    ScoringTable.Parameter p = parameter(name);
    Map<String, Double> worse = new HashMap<>(values);
    worse.put(name, values.get(name) + (p.worse() == ScoringTable.Worse.HIGHER ? worsening : -worsening));
    assertThat(SCORER.score(readings(worse), NOW).score())
        .isGreaterThanOrEqualTo(SCORER.score(readings(values), NOW).score());
  }

  @Property
  void missingDataNeverLowersTheLevelWithoutSayingSo(@ForAll("completeSets") Map<String, Double> values,
      @ForAll("parameterNames") String dropped) {
    Score complete = SCORER.score(readings(values), NOW);
    Map<String, Double> partial = new HashMap<>(values);
    partial.remove(dropped);
    Score withGap = SCORER.score(readings(partial), NOW);
    assertThat(complete.completeness()).isEqualTo(1.0);
    if (withGap.level() < complete.level()) {
      assertThat(withGap.completeness()).isLessThan(1.0);
      assertThat(withGap.drivers()).anyMatch(d -> d.name().equals(dropped) && d.status() == Driver.Status.MISSING);
    }
  }

  @Property
  void theScoreIsAlwaysWithinNoughtToAHundredAndMatchesItsLevel(@ForAll("completeSets") Map<String, Double> values) {
    Score score = SCORER.score(readings(values), NOW);
    assertThat(score.score()).isBetween(0.0, 100.0);
    assertThat(score.level()).isEqualTo(TABLE.levels().of(score.score()));
    assertThat(score.drivers().stream().mapToDouble(Driver::contribution).sum())
        .isCloseTo(score.score(), org.assertj.core.data.Offset.offset(1.0));
  }

  @Provide
  Arbitrary<String> parameterNames() {
    return Arbitraries.of(TABLE.parameters().stream().map(ScoringTable.Parameter::name).toList());
  }

  @Provide
  Arbitrary<Map<String, Double>> completeSets() {
    List<Arbitrary<Double>> each = TABLE.parameters().stream()
        .map(p -> (Arbitrary<Double>) Arbitraries.doubles().between(0, 150).ofScale(1)).toList();
    return Combinators.combine(each).as(values -> {
      Map<String, Double> map = new HashMap<>();
      for (int i = 0; i < values.size(); i++) {
        map.put(TABLE.parameters().get(i).name(), values.get(i));
      }
      return map;
    });
  }

  static ScoringTable.Parameter parameter(String name) {
    return TABLE.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
