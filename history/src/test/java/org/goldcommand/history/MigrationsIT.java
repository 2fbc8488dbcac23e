package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migrations on a fresh database: on TimescaleDB, or on plain PostgreSQL with the compatibility layer. */
@ExtendWith(RealPostgres.class)
class MigrationsIT {

  @Test
  void aFreshDatabaseGetsTheTablesAndTheHourlyView(TestDatabase db) throws SQLException {
    HistoryDatabase history = new HistoryDatabase(db.dataSource());

    assertThat(history.migrate()).isEqualTo(4);
    assertThat(history.migrate()).isZero();
    assertThat(history.timescale()).isEqualTo(db.timescale());
    assertThat(rows(db, "SELECT count(*) FROM trust_pressure_hourly")).containsExactly("0");
    assertThat(rows(db, "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%org_code_as_at' ORDER BY 1"))
        .containsExactly("sitrep_org_code_as_at", "trust_pressure_org_code_as_at");
  }

  @Test
  void everyMigrationCanRunAgainWithoutError(TestDatabase db) throws Exception {
    new HistoryDatabase(db.dataSource()).migrate();

    try (Connection c = db.connect(); Statement s = c.createStatement(); Stream<Path> scripts = Files.list(
        Path.of("src/main/resources/db/migration"))) {
      for (Path script : scripts.sorted().toList()) {
        s.execute(Files.readString(script));
      }
    }
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '1 hour', timestamptz '2026-11-26 15:47:00+00')"))
        .containsExactly("2026-11-26 15:00:00+00");
  }

  @Test
  void timeBucketAlignsAsTimescaleDbDoes(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();

    // 2026-11-26 is a Thursday: weekly buckets start on the Monday before, in UTC.
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '1 week', timestamptz '2026-11-26 15:47:00+00')"))
        .containsExactly("2026-11-23 00:00:00+00");
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '1 week', timestamptz '2026-11-23 00:00:00+00')"))
        .containsExactly("2026-11-23 00:00:00+00");
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '1 hour', timestamptz '2026-11-26 15:47:00+00')"))
        .containsExactly("2026-11-26 15:00:00+00");
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '15 minutes', timestamptz '2026-11-26 15:47:00+00')"))
        .containsExactly("2026-11-26 15:45:00+00");
    assertThat(rows(db, "SELECT time_bucket(INTERVAL '1 day', timestamptz '2026-11-26 23:59:59+00')"))
        .containsExactly("2026-11-26 00:00:00+00");
  }

  @Test
  void theHourlyViewRefreshesWithTheMeansAndMaximaOfEachTrustsHour(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    Instant ten = Instant.parse("2026-11-26T10:00:00Z");
    new HistoryWriter(db.dataSource()).write(List.of(
        pressure("a", "RXN", ten.plusSeconds(300), 90.0, 80.0, 40.0, 2),
        pressure("b", "RXN", ten.plusSeconds(2400), 96.0, null, 70.0, 3),
        pressure("c", "RXN", ten.plusSeconds(3600), 97.0, 85.0, 80.0, 4),
        pressure("d", "RXL", ten.plusSeconds(600), 88.0, 70.0, 30.0, 2)));

    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("CALL refresh_continuous_aggregate('trust_pressure_hourly', NULL, NULL)");
    }

    assertThat(rows(db, """
        SELECT org_code, to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI'), avg_ga_occupancy_pct, max_ga_occupancy_pct,
               avg_cc_occupancy_pct, max_cc_occupancy_pct, avg_score, max_opel_level, samples
        FROM trust_pressure_hourly ORDER BY org_code, bucket""")).containsExactly(
        "RXL|10:00|88|88|70|70|30|2|1",
        "RXN|10:00|93|96|80|80|55|3|2",
        "RXN|11:00|97|97|85|85|80|4|1");

    new HistoryWriter(db.dataSource()).write(List.of(pressure("e", "RXL", ten.plusSeconds(900), 92.0, 72.0, 50.0, 3)));
    new HistoryDatabase(db.dataSource()).refreshAggregates();
    assertThat(rows(db, "SELECT max_opel_level, samples FROM trust_pressure_hourly WHERE org_code = 'RXL'"))
        .containsExactly("3|2");
  }

  @Test
  void grafanasReaderRoleMayReadHistoryButNotChangeIt(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();

    assertThat(rows(db, """
        SELECT has_table_privilege('gold_command_reader', t, 'SELECT'), has_table_privilege('gold_command_reader', t, 'INSERT')
        FROM unnest(ARRAY['sitrep', 'trust_pressure', 'trust_pressure_hourly']) AS t""")).containsOnly("t|f");
  }

  @Test
  void onTimescaleDbTheTablesAreHypertablesAndTheViewIsAContinuousAggregate(TestDatabase db) throws SQLException {
    assumeTrue(db.timescale(), "TimescaleDB is not available here (no Docker engine)");
    new HistoryDatabase(db.dataSource()).migrate();

    assertThat(rows(db, "SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1"))
        .contains("sitrep", "trust_pressure");
    assertThat(rows(db, "SELECT view_name FROM timescaledb_information.continuous_aggregates"))
        .containsExactly("trust_pressure_hourly");
  }

  static TrustPressureRow pressure(String id, String org, Instant at, Double ga, Double cc, double score, int level) {
    return new TrustPressureRow(id, org, "QE1", at, at, ga, cc, score, level, "v1", "{}");
  }

  /** Each row of the query as its columns' text joined by '|'. */
  static List<String> rows(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
      try (ResultSet rs = s.executeQuery(sql)) {
        List<String> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          rows.add(row.toString());
        }
        return rows;
      }
    }
  }
}
