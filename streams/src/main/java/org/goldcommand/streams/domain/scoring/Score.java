package org.goldcommand.streams.domain.scoring;

import java.util.List;

/**
 * An explained pressure score.
 *
 * @param score 0-100, over the parameters with fresh data, or null when none had any
 * @param level OPEL level 1-4, or null when unscored
 * @param completeness the share (0-1) of the table's weight that had fresh data: a score at 0.4 rests
 *     on little and says so
 * @param drivers every parameter, worst contribution first
 * @param tableVersion the scoring table that made it
 */
public record Score(Double score, Integer level, double completeness, List<Driver> drivers, String tableVersion) {

  public Score {
    drivers = List.copyOf(drivers);
  }
}
