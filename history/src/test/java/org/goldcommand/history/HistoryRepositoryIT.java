package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queries the dashboard API makes, against the migrated schema on a real PostgreSQL. */
@ExtendWith(RealPostgres.class)
class HistoryRepositoryIT {

  final Instant ten = Instant.parse("2026-11-26T10:00:00Z");
  HistoryRepository history;

  @BeforeEach
  void setUp(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    history = new HistoryRepository(db.dataSource());
    new HistoryWriter(db.dataSource()).write(List.of(
        MigrationsIT.pressure("a", "RXN", ten.plusSeconds(300), 90.0, 80.0, 40.0, 2),
        MigrationsIT.pressure("b", "RXN", ten.plusSeconds(2100), 94.0, null, 60.0, 3),
        MigrationsIT.pressure("c", "RXN", ten.plusSeconds(4200), 96.0, null, 80.0, 4),
        MigrationsIT.pressure("d", "RXL", ten.plusSeconds(600), 70.0, 60.0, 10.0, 1),
        MigrationsIT.pressure("e", "RXN", Instant.parse("2026-11-22T23:00:00Z"), 85.0, 75.0, 20.0, 1)));
  }

  @Test
  void hourlyBucketsAverageTheOccupanciesAndKeepTheHighestLevel() {
    assertThat(history.trustPressure("RXN", ten, ten.plusSeconds(7200), Duration.ofHours(1))).containsExactly(
        new TrustPressurePoint(ten, 92.0, 80.0, 50.0, 3, 2),
        new TrustPressurePoint(ten.plusSeconds(3600), 96.0, null, 80.0, 4, 1));
  }

  @Test
  void weeklyBucketsStartOnMonday() {
    // Sunday 22 November falls in the week of Monday 16th; Thursday 26th in the week of Monday 23rd.
    assertThat(history.trustPressure("RXN", Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"),
            Duration.ofDays(7)))
        .extracting(TrustPressurePoint::bucket, TrustPressurePoint::samples)
        .containsExactly(
            tuple(Instant.parse("2026-11-16T00:00:00Z"), 1L),
            tuple(Instant.parse("2026-11-23T00:00:00Z"), 3L));
  }

  @Test
  void theRangeIncludesItsStartAndExcludesItsEnd() {
    Instant first = ten.plusSeconds(300);
    assertThat(history.trustPressure("RXN", first, ten.plusSeconds(2100), Duration.ofMinutes(1)))
        .extracting(TrustPressurePoint::bucket).containsExactly(first);
  }

  @Test
  void aTrustWithNoHistoryInTheRangeHasNoPoints() {
    assertThat(history.trustPressure("RTX", ten, ten.plusSeconds(7200), Duration.ofHours(1))).isEmpty();
  }

  @Test
  void nonsensicalRangesAreRefusedBeforeTheyReachTheDatabase() {
    assertThatThrownBy(() -> history.trustPressure("RXN", ten, ten, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.trustPressure("RXN", ten, ten.plusSeconds(60), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.trustPressure("RXN", ten.minus(Duration.ofDays(365)), ten, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets");
  }

  @Test
  void anUnknownSitrepIsAbsentNotAnError() {
    assertThat(history.sitrep("no-such-event")).isEmpty();
    assertThat(history.sitrepCount("no-such-event")).isZero();
  }

  @Test
  void anUnreachableDatabaseIsReportedAsHistoryUnavailable() {
    HistoryRepository unreachable = new HistoryRepository(HistoryDatabase.dataSource(
        "jdbc:postgresql://127.0.0.1:1/gold_command?connectTimeout=2", "nobody", "none"));

    assertThatThrownBy(() -> unreachable.trustPressure("RXN", ten, ten.plusSeconds(60), Duration.ofMinutes(1)))
        .isInstanceOf(HistoryUnavailableException.class).hasMessageContaining("RXN");
  }
}
