package org.goldcommand.streams.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.goldcommand.events.pressure.SystemPressure.Trend;
import org.goldcommand.streams.domain.scoring.SystemTrend.Point;
import org.junit.jupiter.api.Test;

class SystemTrendTest {

  static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");

  @Test
  void aSystemUpTwelvePointsInTwoHoursIsRisingFast() {
    List<Point> history = List.of(new Point(NOW.minus(Duration.ofHours(5)), 30.0),
        new Point(NOW.minus(Duration.ofHours(3)), 35.0), new Point(NOW.minus(Duration.ofMinutes(150)), 40.0),
        new Point(NOW.minus(Duration.ofMinutes(30)), 50.0));

    Trend trend = SystemTrend.of(history, NOW, 52.0, 10.0);

    assertThat(trend.change2h()).isEqualTo(12.0);
    assertThat(trend.change4h()).isEqualTo(22.0);
    assertThat(trend.risingFast()).isTrue();
  }

  @Test
  void withoutAScoreThatOldThereIsNoChangeToReport() {
    Trend trend = SystemTrend.of(List.of(new Point(NOW.minus(Duration.ofMinutes(90)), 10.0)), NOW, 60.0, 10.0);

    assertThat(trend.change2h()).isNull();
    assertThat(trend.change4h()).isNull();
    assertThat(trend.risingFast()).isFalse();
  }

  @Test
  void aFallingSystemIsNotRisingFastAndATableWithoutTheRuleNeverFlagsIt() {
    List<Point> history = List.of(new Point(NOW.minus(Duration.ofHours(2)), 70.0));

    assertThat(SystemTrend.of(history, NOW, 50.0, 10.0)).isEqualTo(new Trend(-20.0, null, false));
    assertThat(SystemTrend.of(history, NOW, 90.0, null).risingFast()).isFalse();
  }

  @Test
  void retainKeepsTheBaselineBeforeFourHoursAndDropsOlderPoints() {
    List<Point> history = List.of(new Point(NOW.minus(Duration.ofHours(6)), 1.0),
        new Point(NOW.minus(Duration.ofHours(5)), 2.0), new Point(NOW.minus(Duration.ofHours(1)), 3.0));

    List<Point> kept = SystemTrend.retain(history, new Point(NOW, 4.0), NOW);

    assertThat(kept).extracting(Point::score).containsExactly(2.0, 3.0, 4.0);
  }

  @Property
  void retainingNeverChangesTheTrendItReports(@ForAll("histories") List<Point> history,
      @ForAll("minutes") int later) {
    Instant now = NOW.plus(Duration.ofMinutes(later));
    Point latest = new Point(now, 50.0);
    List<Point> all = new ArrayList<>(history);
    all.add(latest);
    List<Point> kept = SystemTrend.retain(history, latest, now);

    assertThat(SystemTrend.of(kept, now.plusSeconds(1), 60.0, 10.0))
        .isEqualTo(SystemTrend.of(all, now.plusSeconds(1), 60.0, 10.0));
    assertThat(kept.size()).isLessThanOrEqualTo(all.size());
  }

  @Property
  void theChangeIsTheRiseSinceTheBaseline(@ForAll("histories") List<Point> history) {
    Trend trend = SystemTrend.of(history, NOW, 50.0, 10.0);
    if (trend.change2h() != null) {
      assertThat(trend.risingFast()).isEqualTo(trend.change2h() >= 10.0);
      assertThat(history).anySatisfy(p -> assertThat(Math.round((50.0 - p.score()) * 10) / 10.0)
          .isEqualTo(trend.change2h()));
    } else {
      assertThat(history).allSatisfy(p -> assertThat(p.asAt()).isAfter(NOW.minus(SystemTrend.SHORT)));
    }
  }

  @Provide
  Arbitrary<List<Point>> histories() {
    Arbitrary<Point> one = Combinators.combine(Arbitraries.integers().between(0, 600),
        Arbitraries.doubles().between(0, 100).ofScale(1))
        .as((minutesAgo, score) -> new Point(NOW.minus(Duration.ofMinutes(minutesAgo)), score));
    return one.list().ofMaxSize(20).uniqueElements(Point::asAt);
  }

  @Provide
  Arbitrary<Integer> minutes() {
    return Arbitraries.integers().between(0, 300);
  }
}
