package org.goldcommand.events.pressure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One figure behind a trust's pressure, with the time it was true so its age can be shown, and,
 * when it is a scored parameter, its level, weight and contribution to the score: the reasons a
 * trust is at its level.
 *
 * @param name stable machine name, for example {@code gaOccupancyPct}
 * @param label what a person reads on the wall
 * @param value the figure
 * @param unit {@code %}, {@code beds}, {@code minutes}
 * @param asAt business time of the input it came from
 * @param level its level 1-4 under the scoring table, when scored
 * @param weight its weight in the scoring table, when scored
 * @param contribution points it adds to the 0-100 score, when scored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measure(String name, String label, double value, String unit, Instant asAt, Integer level,
    Double weight, Double contribution) {

  /** A figure that is not a scored parameter. */
  public Measure(String name, String label, double value, String unit, Instant asAt) {
    this(name, label, value, unit, asAt, null, null, null);
  }
}
