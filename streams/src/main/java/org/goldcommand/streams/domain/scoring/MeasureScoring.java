package org.goldcommand.streams.domain.scoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.pressure.Measure;

/**
 * Scores a trust's measures and writes each scored parameter's level, weight and contribution back
 * onto its measure, so the published pressure carries its own explanation.
 */
public final class MeasureScoring {

  private final OpelScorer scorer;

  public MeasureScoring(OpelScorer scorer) {
    this.scorer = scorer;
  }

  /** The score, and the measures with their part in it. */
  public record Scored(Score score, List<Measure> measures) {}

  /** Scores the measures at {@code now}. */
  public Scored score(List<Measure> measures, Instant now) {
    Map<String, Reading> readings = new HashMap<>();
    measures.forEach(m -> readings.put(m.name(), new Reading(m.value(), m.asAt())));
    Score score = scorer.score(readings, now);
    Map<String, Driver> counted = new HashMap<>();
    score.drivers().stream().filter(d -> d.status() == Driver.Status.COUNTED).forEach(d -> counted.put(d.name(), d));
    List<Measure> explained = measures.stream().map(m -> {
      Driver d = counted.get(m.name());
      return d == null ? m
          : new Measure(m.name(), m.label(), m.value(), m.unit(), m.asAt(), d.level(), d.weight(), d.contribution());
    }).toList();
    return new Scored(score, explained);
  }
}
