package org.goldcommand.streams.domain.ed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;
import org.junit.jupiter.api.Test;

class SiteAttendancesTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");
  /** 02:00 the next day: the end of the grace for steps of the 24th. */
  static final int LAST_MINUTE = 26 * 60;

  record Step(String id, AttendanceStep step, Instant at) {}

  static Instant at(int minutesAfterMidnight) {
    return MIDNIGHT.plusSeconds(minutesAfterMidnight * 60L);
  }

  /** Applies steps as the topology does: late ones dropped, each attendance's steps merged. */
  static SiteAttendances replay(List<Step> steps) {
    Map<String, Attendance> known = new HashMap<>();
    SiteAttendances site = SiteAttendances.EMPTY;
    for (Step s : steps) {
      if (!site.accepts(s.at(), LONDON)) {
        continue;
      }
      Attendance before = known.getOrDefault(s.id(), Attendance.NONE);
      Attendance after = before.with(s.step(), s.at());
      site = site.change(s.id(), before, after, s.at(), LONDON);
      known.put(s.id(), after);
    }
    return site;
  }

  static List<Step> visit(String id, int arrivedMinute, Integer departedMinute) {
    List<Step> steps = new ArrayList<>(List.of(new Step(id, AttendanceStep.ARRIVAL, at(arrivedMinute))));
    if (departedMinute != null) {
      steps.add(new Step(id, AttendanceStep.DEPARTURE, at(departedMinute)));
    }
    return steps;
  }

  @Test
  void todaysDeparturesWithinFourHoursAndPatientsOverTwelveHoursAreCountedAtTheSitesClock() {
    List<Step> steps = new ArrayList<>();
    steps.addAll(visit("quick", 13 * 60, 15 * 60));          // 2 h: within 4 h
    steps.addAll(visit("edge", 14 * 60, 18 * 60));           // exactly 4 h: within
    steps.addAll(visit("slow", 10 * 60, 16 * 60));           // 6 h: breach
    steps.addAll(visit("yesterday", -300, -60));            // left yesterday: not today's
    steps.addAll(visit("long", 5 * 60, null));               // 15 h in the department at 20:00
    steps.addAll(visit("recent", 19 * 60, null));            // 1 h
    steps.add(new Step("clock", AttendanceStep.SEEN, at(20 * 60)));

    EdCounts counts = replay(steps).counts(LONDON);
    assertThat(counts).isEqualTo(new EdCounts(2, 1, null, 3, 2));
    assertThat(counts.fourHourPct()).isEqualTo(66.7);
    assertThat(counts.over12hPct()).isEqualTo(50.0);
  }

  @Test
  void aDepartureBeforeItsArrivalIsKnownCountsOnceTheArrivalComes() {
    List<Step> steps = List.of(new Step("a", AttendanceStep.DEPARTURE, at(600)),
        new Step("a", AttendanceStep.ARRIVAL, at(500)));
    assertThat(replay(steps.subList(0, 1)).counts(LONDON).attendancesToday()).isZero();
    assertThat(replay(steps).counts(LONDON)).isEqualTo(new EdCounts(0, 0, null, 1, 1));
  }

  @Test
  void aLateStepCountsInItsOwnDayWithinTheGraceAndIsDroppedAfterIt() {
    SiteAttendances site = replay(List.of(new Step("now", AttendanceStep.ARRIVAL, at(24 * 60 + 90))));
    assertThat(site.accepts(at(23 * 60), LONDON)).as("yesterday, 90 min after it ended").isTrue();
    SiteAttendances later = replay(List.of(new Step("now", AttendanceStep.ARRIVAL, at(24 * 60 + 121))));
    assertThat(later.accepts(at(23 * 60), LONDON)).as("yesterday, 2 h 1 min after it ended").isFalse();

    List<Step> steps = new ArrayList<>(visit("today", 24 * 60 + 30, 24 * 60 + 60));
    steps.addAll(visit("lateYesterday", 22 * 60, 23 * 60));
    SiteAttendances withLate = replay(steps);
    assertThat(withLate.counts(LONDON).attendancesToday()).as("yesterday's departure is not today's").isEqualTo(1);
    assertThat(withLate.days()).extracting(SiteAttendances.DayTally::departures).containsExactly(1, 1);
  }

  @Test
  void anArrivalWithNoDepartureForThreeDaysIsForgotten() {
    List<Step> steps = new ArrayList<>(visit("lost", 0, null));
    steps.add(new Step("later", AttendanceStep.SEEN, at(3 * 24 * 60 + 1)));
    assertThat(replay(steps).inDepartment()).isEmpty();
  }

  @Property
  void theOrderStepsArriveInAndReSentStepsNeverChangeTheFigures(@ForAll("visits") List<List<Step>> visits,
      @ForAll Random random) {
    List<Step> inOrder = visits.stream().flatMap(List::stream)
        .sorted((a, b) -> a.at().compareTo(b.at())).toList();
    List<Step> shuffled = new ArrayList<>(inOrder);
    shuffled.addAll(inOrder.subList(0, inOrder.size() / 3));
    Collections.shuffle(shuffled, random);
    assertThat(replay(shuffled)).isEqualTo(replay(inOrder));
  }

  @Property
  void aSitesSharesAreAlwaysPercentages(@ForAll("visits") List<List<Step>> visits, @ForAll Random random) {
    List<Step> steps = new ArrayList<>(visits.stream().flatMap(List::stream).toList());
    Collections.shuffle(steps, random);
    EdCounts counts = replay(steps).counts(LONDON);
    assertThat(counts.over12hPct()).isBetween(0.0, 100.0);
    if (counts.fourHourPct() != null) {
      assertThat(counts.fourHourPct()).isBetween(0.0, 100.0);
    }
    assertThat(counts.over12h()).isLessThanOrEqualTo(counts.inDepartment());
  }

  /**
   * Attendances over one day: arrival from 00:00 to 23:00, staying up to 20 h or not yet gone, every
   * step by 02:00 the next day, so none is too late for its day whatever order they come in.
   */
  @Provide
  Arbitrary<List<List<Step>>> visits() {
    Arbitrary<List<Step>> visit = Combinators.combine(Arbitraries.strings().alpha().ofLength(4),
        Arbitraries.integers().between(0, 23 * 60), Arbitraries.integers().between(0, 20 * 60).injectNull(0.3))
        .as((id, arrived, stay) -> visit(id, arrived, stay == null ? null : Math.min(arrived + stay, LAST_MINUTE)));
    return visit.list().ofMaxSize(40);
  }
}
