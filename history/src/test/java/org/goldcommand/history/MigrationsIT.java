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
import java.time.temporal.ChronoUnit;
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

    assertThat(history.migrate()).isEqualTo(5);
    assertThat(history.migrate()).isZero();
    assertThat(history.timescale()).isEqualTo(db.timescale());
    assertThat(rows(db, "SELECT count(*) FROM trust_pressure_hourly")).containsExactly("0");
    assertThat(rows(db, "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%org_code_as_at' ORDER BY 1"))
        .containsExactly("sitrep_org_code_as_at", "trust_pressure_org_code_as_at");
    assertThat(rows(db, """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm') ORDER BY 1"""))
        .contains("trust_parameter", "system_pressure", "alert_event", "alert_current", "audit_log",
            "trust_pressure_daily", "trust_parameter_hourly", "trust_parameter_daily", "system_pressure_hourly",
            "system_pressure_daily", "alert_daily");
  }

  @Test
  void everyAggregateRefreshesWithTheHoursAndDaysOfItsTable(TestDatabase db) throws SQLException {
    HistoryDatabase history = new HistoryDatabase(db.dataSource());
    history.migrate();
    Instant ten = Instant.parse("2026-11-26T10:00:00Z");
    new HistoryWriter(db.dataSource()).write(List.of(
        pressure("a", "RXN", ten.plusSeconds(300), 90.0, 80.0, 40.0, 2, parameter("a", "RXN", ten.plusSeconds(300), 20.0, 2)),
        pressure("b", "RXN", ten.plusSeconds(3900), 96.0, null, 70.0, 3, parameter("b", "RXN", ten.plusSeconds(3900), 70.0, 4)),
        pressure("c", "RXN", ten.plus(1, ChronoUnit.DAYS), 80.0, null, 20.0, 1,
            parameter("c", "RXN", ten.plus(1, ChronoUnit.DAYS), 10.0, 1)),
        new SystemPressureRow("s1", "QE1", ten, ten, 40.0, 2, 3, 5.0, 8.0, false, "v1", "{}"),
        new SystemPressureRow("s2", "QE1", ten.plusSeconds(1800), ten, 60.0, 3, 4, 20.0, 25.0, true, "v1", "{}"),
        alert("x@1", "RAISED", ten, ten), alert("x@1", "RESOLVED", ten, ten.plusSeconds(600)),
        alert("x@2", "RAISED", ten.plusSeconds(7200), ten.plusSeconds(7200))));

    history.refreshAggregates();

    assertThat(rows(db, """
        SELECT to_char(bucket AT TIME ZONE 'UTC', 'MM-DD HH24:MI'), avg_ga_occupancy_pct, max_opel_level, samples
        FROM trust_pressure_daily ORDER BY bucket""")).containsExactly("11-26 00:00|93|3|2", "11-27 00:00|80|1|1");
    assertThat(rows(db, """
        SELECT to_char(bucket AT TIME ZONE 'UTC', 'DD HH24:MI'), name, avg_value, max_value, max_level, samples
        FROM trust_parameter_hourly ORDER BY bucket""")).containsExactly(
        "26 10:00|meanHandoverMinutes|20|20|2|1", "26 11:00|meanHandoverMinutes|70|70|4|1",
        "27 10:00|meanHandoverMinutes|10|10|1|1");
    assertThat(rows(db, """
        SELECT to_char(bucket AT TIME ZONE 'UTC', 'DD'), avg_value, max_value, min_value, max_level, samples
        FROM trust_parameter_daily ORDER BY bucket""")).containsExactly("26|45|70|20|4|2", "27|10|10|10|1|1");
    assertThat(rows(db, """
        SELECT to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI'), avg_score, max_opel_level, max_highest_trust_level,
               max_change_2h, rising_fast, samples
        FROM system_pressure_hourly""")).containsExactly("10:00|50|3|4|20|t|2");
    assertThat(rows(db, "SELECT avg_score, max_change_4h, samples FROM system_pressure_daily"))
        .containsExactly("50|25|2");
    assertThat(rows(db, "SELECT to_char(bucket AT TIME ZONE 'UTC', 'DD'), system_code, rule_id, raised FROM alert_daily"))
        .containsExactly("26|QE1|trust-opel-4|2");
  }

  @Test
  void alertCurrentHoldsTheLatestStepOfEachAlertEvenWhenTwoStepsShareAnInstant(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    Instant ten = Instant.parse("2026-11-26T10:00:00Z");
    new HistoryWriter(db.dataSource()).write(List.of(
        alert("x@1", "RAISED", ten, ten), alert("x@1", "ACKNOWLEDGED", ten, ten.plusSeconds(60)),
        alert("y@1", "RAISED", ten, ten), alert("y@1", "RESOLVED", ten, ten)));

    assertThat(rows(db, "SELECT alert_id, state FROM alert_current ORDER BY alert_id"))
        .containsExactly("x@1|ACKNOWLEDGED", "y@1|RESOLVED");
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
        FROM unnest(ARRAY['sitrep', 'trust_pressure', 'trust_pressure_hourly', 'trust_parameter', 'system_pressure',
                          'alert_event', 'alert_current', 'audit_log', 'trust_pressure_daily', 'trust_parameter_hourly',
                          'trust_parameter_daily', 'system_pressure_hourly', 'system_pressure_daily', 'alert_daily']) AS t
        """)).hasSize(14).containsOnly("t|f");
  }

  @Test
  void onTimescaleDbTheTablesAreHypertablesAndTheViewIsAContinuousAggregate(TestDatabase db) throws SQLException {
    assumeTrue(db.timescale(), "TimescaleDB is not available here (no Docker engine)");
    new HistoryDatabase(db.dataSource()).migrate();

    assertThat(rows(db, "SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1"))
        .contains("sitrep", "trust_pressure", "trust_parameter", "system_pressure", "alert_event", "audit_log");
    assertThat(rows(db, "SELECT view_name FROM timescaledb_information.continuous_aggregates"))
        .containsExactlyInAnyOrderElementsOf(HistoryDatabase.AGGREGATES);
  }

  static TrustPressureRow pressure(String id, String org, Instant at, Double ga, Double cc, double score, int level,
      TrustParameterRow... parameters) {
    return new TrustPressureRow(id, org, "QE1", at, at, ga, cc, score, level, "v1", "{}", List.of(parameters));
  }

  static TrustParameterRow parameter(String id, String org, Instant at, double minutes, int level) {
    return new TrustParameterRow(id, org, "QE1", "meanHandoverMinutes", at, minutes, "minutes", level, 15.0,
        15.0 * (level - 1) / 3);
  }

  static AlertRow alert(String alertId, String state, Instant raisedAt, Instant updatedAt) {
    return new AlertRow(alertId, "trust-opel-4/RXN", "trust-opel-4", "TRUST_LEVEL", "CRITICAL", "RXN", "QE1", "RXN",
        null, state, "RXN at OPEL 4", "RXN reached OPEL 4", raisedAt, null, null,
        state.equals("RESOLVED") ? updatedAt : null, null, updatedAt, "{}");
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
