package org.goldcommand.streams.domain.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns parameter readings into an OPEL-style score with its reasons: each value banded to a level
 * 1-4, weighted, summed to 0-100 over the weight that had fresh data, and mapped to a level. A
 * missing or stale parameter does not count as good news: it is left out, the score is rescaled
 * over what is present, and {@link Score#completeness()} says how much weight the score stood on.
 */
public final class OpelScorer {

  private final ScoringTable table;

  public OpelScorer(ScoringTable table) {
    this.table = table;
  }

  public ScoringTable table() {
    return table;
  }

  /** The score of the readings at {@code now}; parameters without a reading are missing. */
  public Score score(Map<String, Reading> readings, Instant now) {
    double totalWeight = 0;
    double presentWeight = 0;
    double points = 0;
    List<Driver> drafts = new ArrayList<>();
    for (ScoringTable.Parameter p : table.parameters()) {
      totalWeight += p.weight();
      Reading reading = readings.get(p.name());
      if (reading == null) {
        drafts.add(new Driver(p.name(), p.label(), p.unit(), null, null, null, p.weight(), 0, Driver.Status.MISSING));
        continue;
      }
      if (Duration.between(reading.asAt(), now).compareTo(p.staleAfter()) > 0) {
        drafts.add(new Driver(p.name(), p.label(), p.unit(), reading.value(), reading.asAt(), null, p.weight(), 0,
            Driver.Status.STALE));
        continue;
      }
      int level = p.level(reading.value());
      presentWeight += p.weight();
      points += p.weight() * (level - 1) / 3.0;
      drafts.add(new Driver(p.name(), p.label(), p.unit(), reading.value(), reading.asAt(), level, p.weight(),
          p.weight() * (level - 1) / 3.0, Driver.Status.COUNTED));
    }
    double completeness = totalWeight == 0 ? 0 : presentWeight / totalWeight;
    if (presentWeight == 0) {
      return new Score(null, null, 0, drafts, table.version());
    }
    double scale = 100.0 / presentWeight;
    double score = round(points * scale);
    List<Driver> drivers = drafts.stream()
        .map(d -> d.status() == Driver.Status.COUNTED ? new Driver(d.name(), d.label(), d.unit(), d.value(), d.asAt(),
            d.level(), d.weight(), round(d.contribution() * scale), d.status()) : d)
        .sorted(Comparator.comparingDouble(Driver::contribution).reversed())
        .toList();
    return new Score(score, table.levels().of(score), round(completeness * 100) / 100, drivers, table.version());
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
