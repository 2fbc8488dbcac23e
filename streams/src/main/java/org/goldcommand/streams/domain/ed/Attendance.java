package org.goldcommand.streams.domain.ed;

import java.time.Instant;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;

/**
 * What is known of one A&amp;E attendance: when the patient arrived and when they left. Steps may
 * come in any order, late, or more than once; each step keeps its earliest reported time, so the
 * result is the same whatever order the steps arrive in and a re-sent step changes nothing.
 *
 * @param arrivedAt ARRIVAL, null until it is known
 * @param departedAt DEPARTURE, null until it is known
 */
public record Attendance(Instant arrivedAt, Instant departedAt) {

  /** Nothing known yet. */
  public static final Attendance NONE = new Attendance(null, null);

  /** This attendance with one more step; steps other than ARRIVAL and DEPARTURE do not change it. */
  public Attendance with(AttendanceStep step, Instant at) {
    return switch (step) {
      case ARRIVAL -> new Attendance(earliest(arrivedAt, at), departedAt);
      case DEPARTURE -> new Attendance(arrivedAt, earliest(departedAt, at));
      case INITIAL_ASSESSMENT, SEEN, DECISION_TO_ADMIT -> this;
    };
  }

  /** The latest step known, for forgetting the attendance once nothing can concern it. */
  public Instant lastStep() {
    if (arrivedAt == null) {
      return departedAt;
    }
    return departedAt == null || arrivedAt.isAfter(departedAt) ? arrivedAt : departedAt;
  }

  private static Instant earliest(Instant known, Instant at) {
    return known == null || at.isBefore(known) ? at : known;
  }
}
