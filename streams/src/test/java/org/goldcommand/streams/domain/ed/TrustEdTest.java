package org.goldcommand.streams.domain.ed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.pressure.Measure;
import org.junit.jupiter.api.Test;

class TrustEdTest {

  static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  static final Duration FRESH = Duration.ofMinutes(30);

  static EdSnapshot snapshot(int inDepartment, int capacity, int over12h, int attendances, int breaches) {
    return new EdSnapshot("RXN02", AT, inDepartment, capacity, 0, over12h, 0, 0, null, null, null, attendances,
        breaches);
  }

  static SiteEd site(String code, EdCounts counts, Instant asAt) {
    return new SiteEd(code, SiteEd.Source.SNAPSHOT, counts, asAt);
  }

  @Test
  void aSnapshotGivesOccupancyTheShareOverTwelveHoursAndFourHourPerformance() {
    EdCounts counts = EdCounts.of(snapshot(90, 80, 9, 200, 50));
    assertThat(counts.edOccupancyPct()).isEqualTo(112.5);
    assertThat(counts.over12hPct()).isEqualTo(10.0);
    assertThat(counts.fourHourPct()).isEqualTo(75.0);
  }

  @Test
  void aTrustsOccupancyIsAllItsPatientsOverAllItsCapacityNotAMeanOfItsSites() {
    TrustEd.Pooled pooled = TrustEd.pool(List.of(site("A", EdCounts.of(snapshot(10, 10, 0, 10, 0)), AT),
        site("B", EdCounts.of(snapshot(90, 180, 0, 90, 0)), AT)), FRESH);
    assertThat(pooled.counts().edOccupancyPct()).as("100 / 190, not (100% + 50%) / 2").isEqualTo(52.6);
    assertThat(pooled.sites()).isEqualTo(2);
  }

  @Test
  void aSiteMuchOlderThanTheTrustsNewestIsLeftOutAndTheFiguresAreAsAtTheNewest() {
    TrustEd.Pooled pooled = TrustEd.pool(List.of(site("A", EdCounts.of(snapshot(10, 10, 5, 10, 0)), AT),
        site("B", EdCounts.of(snapshot(90, 180, 0, 90, 0)), AT.minus(Duration.ofHours(3)))), FRESH);
    assertThat(pooled.sites()).isEqualTo(1);
    assertThat(pooled.asAt()).isEqualTo(AT);
    assertThat(pooled.counts().over12hPct()).isEqualTo(50.0);
  }

  @Test
  void withoutACapacityThereIsNoOccupancyAndWithoutAttendancesNoFourHourFigure() {
    List<Measure> measures = TrustEd.measures(TrustEd.pool(List.of(
        site("A", new EdCounts(5, 0, null, 0, 0), AT), site("B", EdCounts.of(snapshot(5, 10, 0, 0, 0)), AT)), FRESH));
    assertThat(measures).extracting(Measure::name)
        .containsExactly(TrustEd.OVER_12H_PCT, TrustEd.IN_DEPARTMENT, TrustEd.SITES_REPORTING);
  }

  @Test
  void aFreshSnapshotIsPreferredAndAStaleOneGivesWayToAttendances() {
    SiteEd snapshot = site("A", EdCounts.ZERO, AT);
    SiteEd attendances = new SiteEd("A", SiteEd.Source.ATTENDANCES, EdCounts.ZERO, AT.plus(FRESH));
    assertThat(SiteEd.choose(snapshot, attendances, FRESH)).isEqualTo(snapshot);
    SiteEd later = new SiteEd("A", SiteEd.Source.ATTENDANCES, EdCounts.ZERO, AT.plus(FRESH).plusSeconds(1));
    assertThat(SiteEd.choose(snapshot, later, FRESH)).isEqualTo(later);
    assertThat(SiteEd.choose(null, later, FRESH)).isEqualTo(later);
  }

  @Property
  void aSnapshotsSharesAreAlwaysPercentages(@ForAll("counts") int a, @ForAll("counts") int b,
      @ForAll("counts") int c, @ForAll("counts") int d) {
    EdCounts counts = EdCounts.of(snapshot(a, 50, b, c, d));
    assertThat(counts.over12hPct()).isBetween(0.0, 100.0);
    if (counts.fourHourPct() != null) {
      assertThat(counts.fourHourPct()).isBetween(0.0, 100.0);
    }
  }

  @Property
  void combiningSitesIsPoolingTheirCountsInAnyOrder(@ForAll("sites") List<EdCounts> sites) {
    List<SiteEd> all = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      all.add(site("S" + i, sites.get(i), AT));
    }
    TrustEd.Pooled pooled = TrustEd.pool(all, FRESH);
    List<SiteEd> reversed = new ArrayList<>(all);
    Collections.reverse(reversed);
    assertThat(TrustEd.pool(reversed, FRESH)).isEqualTo(pooled);
    int inDepartment = sites.stream().mapToInt(EdCounts::inDepartment).sum();
    int capacity = sites.stream().mapToInt(EdCounts::capacity).sum();
    int attendances = sites.stream().mapToInt(EdCounts::attendancesToday).sum();
    int within = sites.stream().mapToInt(EdCounts::within4hToday).sum();
    assertThat(pooled.counts()).isEqualTo(new EdCounts(inDepartment,
        sites.stream().mapToInt(EdCounts::over12h).sum(), capacity, attendances, within));
    if (capacity > 0) {
      assertThat(pooled.counts().edOccupancyPct()).isEqualTo(Math.round(inDepartment * 1000.0 / capacity) / 10.0);
    }
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(-5, 500);
  }

  @Provide
  Arbitrary<List<EdCounts>> sites() {
    return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 150),
        Arbitraries.integers().between(0, 500), Arbitraries.integers().between(0, 400))
        .as((in, cap, att, breaches) -> EdCounts.of(snapshot(in, cap, in / 10, att, Math.min(att, breaches))))
        .list().ofMinSize(1).ofMaxSize(6);
  }
}
