package org.goldcommand.streams.domain.ed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One emergency department's attendances, kept as the few numbers its figures need rather than
 * every attendance: who is in the department now (by arrival time) and, per local day, how many
 * patients left and how many of them within 4 hours of arriving. The site's clock is the newest
 * event time it has seen, so the figures are by event time, not by when the events were processed.
 *
 * <p>Every change is applied as "this attendance was {@code before}, is now {@code after}", taking
 * the old attendance's part out and putting the new one's in, so the state depends only on the set
 * of attendances, never on the order their steps arrived in. A step for a day that ended more than
 * {@link #GRACE} before the site's clock is too late to count: the day's figures have been read.
 *
 * @param newest the newest event time seen at the site, null before the first
 * @param inDepartment arrival time of each patient in the department, by attendance id
 * @param days departures per local day, oldest first (today and yesterday only)
 */
public record SiteAttendances(Instant newest, Map<String, Instant> inDepartment, List<DayTally> days) {

  /** How long after a day ends a late step for it still counts in that day's figures. */
  public static final Duration GRACE = Duration.ofHours(2);
  /** A patient is over 12 hours in the department after this long. */
  public static final Duration LONG_WAIT = Duration.ofHours(12);
  /** The 4-hour standard. */
  public static final Duration FOUR_HOURS = Duration.ofHours(4);
  /** An arrival with no departure for this long is taken as a lost departure and forgotten. */
  public static final Duration FORGET_AFTER = Duration.ofDays(3);

  /** No attendances yet. */
  public static final SiteAttendances EMPTY = new SiteAttendances(null, Map.of(), List.of());

  public SiteAttendances {
    inDepartment = Map.copyOf(inDepartment);
    days = List.copyOf(days);
  }

  /**
   * Departures on one local day.
   *
   * @param day the local date of departure
   * @param departures patients who left that day (with a known arrival)
   * @param within4h of those, patients who left within 4 hours of arriving
   */
  public record DayTally(LocalDate day, int departures, int within4h) {}

  /** Whether a step at {@code at} still counts: its day has not ended more than {@link #GRACE} ago. */
  public boolean accepts(Instant at, ZoneId zone) {
    if (newest == null) {
      return true;
    }
    Instant dayEnds = LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
    return !newest.isAfter(dayEnds.plus(GRACE));
  }

  /** This site with an attendance changed from {@code before} to {@code after}, its clock at least {@code at}. */
  public SiteAttendances change(String attendanceId, Attendance before, Attendance after, Instant at, ZoneId zone) {
    Instant clock = newest == null || at.isAfter(newest) ? at : newest;
    Map<String, Instant> present = new TreeMap<>(inDepartment);
    Map<LocalDate, int[]> tallies = new TreeMap<>();
    days.forEach(d -> tallies.put(d.day(), new int[] {d.departures(), d.within4h()}));
    apply(attendanceId, before, -1, present, tallies, zone);
    apply(attendanceId, after, 1, present, tallies, zone);
    LocalDate yesterday = LocalDate.ofInstant(clock, zone).minusDays(1);
    Instant forgetBefore = clock.minus(FORGET_AFTER);
    present.values().removeIf(arrived -> arrived.isBefore(forgetBefore));
    List<DayTally> kept = new ArrayList<>();
    tallies.forEach((day, t) -> {
      if (!day.isBefore(yesterday) && t[0] > 0) {
        kept.add(new DayTally(day, t[0], t[1]));
      }
    });
    kept.sort(Comparator.comparing(DayTally::day));
    return new SiteAttendances(clock, present, kept);
  }

  private static void apply(String id, Attendance attendance, int sign, Map<String, Instant> present,
      Map<LocalDate, int[]> tallies, ZoneId zone) {
    if (attendance.arrivedAt() == null) {
      return;
    }
    if (attendance.departedAt() == null) {
      if (sign > 0) {
        present.put(id, attendance.arrivedAt());
      } else {
        present.remove(id);
      }
      return;
    }
    int[] tally = tallies.computeIfAbsent(LocalDate.ofInstant(attendance.departedAt(), zone), d -> new int[2]);
    tally[0] += sign;
    if (Duration.between(attendance.arrivedAt(), attendance.departedAt()).compareTo(FOUR_HOURS) <= 0) {
      tally[1] += sign;
    }
  }

  /** The site's counts at its clock: who is in the department now, and today's departures. */
  public EdCounts counts(ZoneId zone) {
    if (newest == null) {
      return EdCounts.ZERO.withCapacity(null);
    }
    Instant longWait = newest.minus(LONG_WAIT);
    int over12h = (int) inDepartment.values().stream().filter(arrived -> arrived.isBefore(longWait)).count();
    LocalDate today = LocalDate.ofInstant(newest, zone);
    DayTally tally = days.stream().filter(d -> d.day().equals(today)).findFirst()
        .orElse(new DayTally(today, 0, 0));
    return new EdCounts(inDepartment.size(), over12h, null, tally.departures(), tally.within4h());
  }
}
