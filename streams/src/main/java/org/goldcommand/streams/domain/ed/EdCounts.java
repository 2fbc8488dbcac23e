package org.goldcommand.streams.domain.ed;

import java.util.Collection;
import org.goldcommand.events.ed.EdSnapshot;

/**
 * The counts behind the three ED parameters of the scoring table, for one site or pooled over a
 * trust's sites. Keeping counts rather than percentages is what lets sites be combined honestly:
 * a trust's ED occupancy is all its patients over all its capacity, not a mean of its sites'
 * percentages, which would let a small department count as much as a large one.
 *
 * @param inDepartment patients in the department now
 * @param over12h of those, patients there more than 12 hours from arrival
 * @param capacity the department's capacity, null when not known (no ED occupancy then)
 * @param attendancesToday attendances that count towards today's 4-hour performance
 * @param within4hToday of those, attendances completed within 4 hours of arrival
 */
public record EdCounts(int inDepartment, int over12h, Integer capacity, int attendancesToday, int within4hToday) {

  /** No one in the department and nothing today. */
  public static final EdCounts ZERO = new EdCounts(0, 0, 0, 0, 0);

  /**
   * The counts a snapshot reports. Counts that contradict each other (more over 12 hours than in
   * the department, more breaches than attendances) are capped, so every share stays 0-100.
   */
  public static EdCounts of(EdSnapshot snapshot) {
    int inDepartment = Math.max(0, snapshot.patientsInDepartment());
    int attendances = Math.max(0, snapshot.attendancesSinceMidnight());
    int breaches = Math.min(attendances, Math.max(0, snapshot.breachesSinceMidnight()));
    return new EdCounts(inDepartment, Math.min(inDepartment, Math.max(0, snapshot.over12h())),
        Math.max(0, snapshot.edCapacity()), attendances, attendances - breaches);
  }

  /** These counts and another site's together; capacity is known only if both know it. */
  public EdCounts plus(EdCounts other) {
    Integer pooledCapacity = capacity == null || other.capacity == null ? null : capacity + other.capacity;
    return new EdCounts(inDepartment + other.inDepartment, over12h + other.over12h, pooledCapacity,
        attendancesToday + other.attendancesToday, within4hToday + other.within4hToday);
  }

  /** The sum of many sites' counts. */
  public static EdCounts pool(Collection<EdCounts> counts) {
    return counts.stream().reduce(ZERO, EdCounts::plus);
  }

  /** These counts with the department's capacity. */
  public EdCounts withCapacity(Integer edCapacity) {
    return new EdCounts(inDepartment, over12h, edCapacity, attendancesToday, within4hToday);
  }

  /** Patients in the department as a % of its capacity; null when the capacity is unknown or zero. */
  public Double edOccupancyPct() {
    return capacity == null || capacity == 0 ? null : percent(inDepartment, capacity);
  }

  /** % of patients in the department over 12 hours; an empty department has nobody waiting that long. */
  public Double over12hPct() {
    return inDepartment == 0 ? 0.0 : percent(over12h, inDepartment);
  }

  /** % of today's attendances within 4 hours; null before the day's first, not a reassuring 100. */
  public Double fourHourPct() {
    return attendancesToday == 0 ? null : percent(within4hToday, attendancesToday);
  }

  private static double percent(int part, int whole) {
    return Math.round(part * 1000.0 / whole) / 10.0;
  }
}
