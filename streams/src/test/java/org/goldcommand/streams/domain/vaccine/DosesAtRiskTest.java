package org.goldcommand.streams.domain.vaccine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.goldcommand.events.vaccine.VaccineStock.Line;
import org.junit.jupiter.api.Test;

class DosesAtRiskTest {

  static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  static Line line(String batch, int expiresInDays, int vials) {
    return new Line("COMIRNATY", batch, TODAY.plusDays(60), TODAY.plusDays(expiresInDays), vials, 6, 0, 0);
  }

  @Test
  void shortDatedStockThatBookingsCannotUseInTimeIsAtRiskAndUsedFirstExpiryFirst() {
    List<Line> lines = List.of(line("LATE", 30, 10), line("SOON", 2, 10));
    Map<LocalDate, Integer> booked = Map.of(TODAY, 20, TODAY.plusDays(1), 20, TODAY.plusDays(2), 5, TODAY.plusDays(3), 50);
    DosesAtRisk.Result r = DosesAtRisk.forProduct("COMIRNATY", lines, booked, TODAY, 14);
    assertThat(r.stockDoses()).isEqualTo(120);
    assertThat(r.atRiskDoses()).isEqualTo(15);
    assertThat(r.earliestAtRiskExpiry()).isEqualTo(TODAY.plusDays(2));
  }

  @Test
  void printedExpiryCountsWhenThereIsNoEffectiveExpiryAndPuncturedOrQuarantinedVialsAreNotUsable() {
    Line printed = new Line("FLU", "P1", TODAY.plusDays(1), null, 10, 1, 2, 3);
    assertThat(DosesAtRisk.usableDoses(printed)).isEqualTo(5);
    assertThat(DosesAtRisk.forProduct("FLU", List.of(printed), Map.of(TODAY, 1), TODAY, 7))
        .isEqualTo(new DosesAtRisk.Result("FLU", 5, 4, TODAY.plusDays(1)));
  }

  @Test
  void stockExpiringBeyondTheLookAheadIsNotJudgedAndBookedProductsWithNoStockShowNone() {
    List<DosesAtRisk.Result> results = DosesAtRisk.atSite(List.of(line("LATE", 30, 10)),
        Map.of("SPIKEVAX", Map.of(TODAY, 5)), TODAY, 14);
    assertThat(results).containsExactly(new DosesAtRisk.Result("COMIRNATY", 60, 0, null),
        new DosesAtRisk.Result("SPIKEVAX", 0, 0, null));
    Line unnamed = new Line(null, "X", null, null, 5, 1, 0, 0);
    assertThat(DosesAtRisk.atSite(List.of(unnamed), Map.of(), TODAY, 14)).isEmpty();
  }

  @Property
  void moreBookingsNeverRaiseTheDosesAtRiskAndAtRiskNeverExceedsStock(@ForAll("lines") List<Line> lines,
      @ForAll("bookings") Map<LocalDate, Integer> booked, @ForAll @IntRange(min = 0, max = 13) int extraDay,
      @ForAll @IntRange(min = 1, max = 500) int extra) {
    DosesAtRisk.Result before = DosesAtRisk.forProduct("COMIRNATY", lines, booked, TODAY, 14);
    Map<LocalDate, Integer> more = new HashMap<>(booked);
    more.merge(TODAY.plusDays(extraDay), extra, Integer::sum);
    DosesAtRisk.Result after = DosesAtRisk.forProduct("COMIRNATY", lines, more, TODAY, 14);
    assertThat(after.atRiskDoses()).isLessThanOrEqualTo(before.atRiskDoses());
    assertThat(before.atRiskDoses()).isBetween(0, before.stockDoses());
  }

  @Provide
  Arbitrary<List<Line>> lines() {
    Arbitrary<Line> line = Combinators.combine(Arbitraries.integers().between(-3, 30),
        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 10),
        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5))
        .as((days, vials, perVial, punctured, quarantined) -> new Line("COMIRNATY", "B" + days,
            TODAY.plusDays(days + 10L), TODAY.plusDays(days), vials, perVial, punctured, quarantined));
    return line.list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<Map<LocalDate, Integer>> bookings() {
    return Arbitraries.maps(Arbitraries.integers().between(-2, 20).map(TODAY::plusDays),
        Arbitraries.integers().between(0, 100)).ofMaxSize(15);
  }
}
