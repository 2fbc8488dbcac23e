package org.goldcommand.streams.domain.scoring;

import java.time.Instant;

/**
 * One parameter's part in a score, so the wall can say why a trust is at its level.
 *
 * @param name the parameter
 * @param label what a person reads
 * @param unit the value's unit
 * @param value the value, or null when missing
 * @param asAt when the value was true, or null when missing
 * @param level its level 1-4, or null when missing or stale
 * @param weight its weight in the table
 * @param contribution points it adds to the 0-100 score (after rescaling to the weight present)
 * @param status counted, missing or stale
 */
public record Driver(String name, String label, String unit, Double value, Instant asAt, Integer level, double weight,
    double contribution, Status status) {

  /** Whether the parameter counted in the score, and if not, why. */
  public enum Status { COUNTED, MISSING, STALE }
}
