package org.goldcommand.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every SQL query in the dashboards and alert rules, run against the schema the history
 * migrations build (TimescaleDB where Docker exists, otherwise PostgreSQL with the compatibility
 * layer), over two hours of history for two trusts. A renamed column or a broken macro fails
 * here rather than as an empty panel on the command room wall.
 */
@ExtendWith(RealPostgres.class)
class GrafanaQueriesIT {

  /**
   * $trust with "All" selected, formatted as Grafana formats a multi-value variable for SQL (and as
   * {@code :sqlstring} formats any variable), and the system they belong to.
   */
  static final Map<String, String> VARIABLES = Map.of("trust", "'RXN','RXL'", "system", "'QE1'");

  @TestFactory
  Stream<DynamicTest> everySqlQueryRunsAndReturnsRowsGrafanaCanDraw(TestDatabase db) throws SQLException {
    seed(db);
    return GrafanaFiles.sqlQueries().stream().map(query -> DynamicTest.dynamicTest(query.where(), () -> {
      String sql = GrafanaSql.expand(query.rawSql(), VARIABLES);
      Result result;
      try {
        result = run(db, sql);
      } catch (SQLException e) {
        throw new AssertionError(query.where() + " does not run against the history schema: " + e.getMessage()
            + "\n" + sql, e);
      }

      assertThat(result.rows()).as("rows from " + query.where()).isNotEmpty();
      if (query.format().equals("time_series")) {
        assertThat(result.columns()).as("time series columns").contains("time");
      }
    }));
  }

  @Test
  void theOccupancyAlertSeesTheTrustOverNinetyFivePercentAndOnlyThatTrust(TestDatabase db) throws SQLException {
    seed(db);
    GrafanaFiles.SqlQuery alert = GrafanaFiles.sqlQueries().stream()
        .filter(q -> q.where().startsWith("alert Trust G&A occupancy over 95%")).findFirst().orElseThrow();

    Result result = run(db, GrafanaSql.expand(alert.rawSql(), VARIABLES));

    // Grafana reduces each trust's series to its last value and compares it with 95.
    Map<String, Double> last = new HashMap<>();
    result.rows().forEach(row -> last.put((String) row.get("org_code"), ((Number) row.get("ga_occupancy_pct")).doubleValue()));
    assertThat(last).containsOnlyKeys("RXN", "RXL");
    assertThat(last.get("RXN")).isGreaterThan(95.0);
    assertThat(last.get("RXL")).isLessThan(95.0);
  }

  @Test
  void theParameterTableShowsOnlyTheParametersBehindEachTrustsLatestScore(TestDatabase db) throws SQLException {
    seed(db);

    Result result = run(db, GrafanaSql.expand(panelSql("Trust detail / Parameters behind the latest score"), VARIABLES));

    assertThat(result.rows()).extracting(row -> row.get("Trust") + " " + row.get("Parameter") + " " + row.get("Level"))
        .containsExactly("RXL gaOccupancyPct 2", "RXL meanHandoverMinutes 1", "RXN meanHandoverMinutes 4",
            "RXN gaOccupancyPct 3");
  }

  @Test
  void theAlertsTableShowsEachAlertOpenInTheRangeOnceAtItsLatestStep(TestDatabase db) throws SQLException {
    seed(db);

    Result result = run(db, GrafanaSql.expand(panelSql("Trust detail / Alerts"), VARIABLES));

    assertThat(result.rows()).extracting(row -> row.get("Alert") + " " + row.get("State"))
        .containsExactly("RXN at OPEL 4 ACKNOWLEDGED", "RXL at OPEL 3 RESOLVED");
  }

  private static String panelSql(String where) {
    return GrafanaFiles.sqlQueries().stream().filter(q -> q.where().startsWith(where)).findFirst().orElseThrow().rawSql();
  }

  /**
   * Two hours of five-minutely pressure for RXN (over 95%) and RXL (at 80%), each with two scored
   * parameters, their system's pressure, two days of sitreps, an alert per trust (RXN's acknowledged,
   * RXL's resolved, and an older RXL alert resolved before the range), and the aggregates refreshed.
   */
  static void seed(TestDatabase db) throws SQLException {
    HistoryDatabase history = new HistoryDatabase(db.dataSource());
    history.migrate();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO trust_pressure (event_id, org_code, system_code, as_at, received_at, ga_occupancy_pct,
                                      cc_occupancy_pct, score, opel_level, table_version, payload)
          SELECT org || '-' || i, org, 'QE1', now() - make_interval(mins => 5 * i), now() - make_interval(mins => 5 * i),
                 ga - i * 0.01, cc, score, level, 'demo', '{}'
          FROM (VALUES ('RXN', 96.5, 92.0, 80.0, 4), ('RXL', 80.0, 70.0, 30.0, 2)) AS t(org, ga, cc, score, level),
               generate_series(0, 24) AS i""");
      s.execute("""
          INSERT INTO sitrep (event_id, org_code, site_code, as_at, received_at, ga_core_open, ga_escalation_open,
                              ga_occupied, cc_open, cc_occupied, staff_absence_pct, payload)
          SELECT org || '-sitrep-' || d, org, NULL, date_trunc('day', now()) - make_interval(days => d) + interval '8 hours',
                 now(), core, 20, occupied, 30, 28, 6.1, '{}'
          FROM (VALUES ('RXN', 700, 710), ('RXL', 500, 420)) AS t(org, core, occupied), generate_series(0, 1) AS d""");
      s.execute("""
          INSERT INTO trust_parameter (event_id, org_code, system_code, name, as_at, value, unit, level, weight, contribution)
          SELECT org || '-' || i, org, 'QE1', name, now() - make_interval(mins => 5 * i), value - i * 0.1, unit, level, 15,
                 15.0 * (level - 1) / 3
          FROM (VALUES ('RXN', 'meanHandoverMinutes', 75.0, 'minutes', 4), ('RXN', 'gaOccupancyPct', 96.5, '%', 3),
                       ('RXL', 'meanHandoverMinutes', 12.0, 'minutes', 1), ('RXL', 'gaOccupancyPct', 80.0, '%', 2))
                 AS t(org, name, value, unit, level),
               generate_series(0, 24) AS i""");
      s.execute("""
          INSERT INTO system_pressure (event_id, system_code, as_at, received_at, score, opel_level, highest_trust_level,
                                       change_2h, change_4h, rising_fast, table_version, payload)
          SELECT 'QE1-' || i, 'QE1', now() - make_interval(mins => 5 * i), now(), 60 - i * 0.5, 3, 4, 12 - i * 0.5, NULL,
                 i < 3, 'demo', '{}'
          FROM generate_series(0, 24) AS i""");
      s.execute("""
          INSERT INTO alert_event (alert_id, key, rule_id, kind, severity, subject, system_code, org_code, site_code, state,
                                   title, message, raised_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by,
                                   updated_at, payload)
          SELECT id, 'trust-opel/' || org, 'trust-opel', 'TRUST_LEVEL', 'CRITICAL', org, 'QE1', org, NULL, state,
                 title, title || ' (score 80)', now() - raised, CASE WHEN state <> 'RAISED' THEN now() - step END,
                 CASE WHEN state <> 'RAISED' THEN 'lead@qe1' END, CASE WHEN state = 'RESOLVED' THEN now() - step END,
                 CASE WHEN state = 'RESOLVED' THEN 'gold-command' END, now() - step, '{}'
          FROM (VALUES ('RXN@1', 'RXN', 'RXN at OPEL 4', 'RAISED', interval '1 hour', interval '1 hour'),
                       ('RXN@1', 'RXN', 'RXN at OPEL 4', 'ACKNOWLEDGED', interval '1 hour', interval '30 minutes'),
                       ('RXL@1', 'RXL', 'RXL at OPEL 3', 'RAISED', interval '2 hours', interval '2 hours'),
                       ('RXL@1', 'RXL', 'RXL at OPEL 3', 'RESOLVED', interval '2 hours', interval '90 minutes'),
                       ('RXL@0', 'RXL', 'RXL at OPEL 3 before', 'RAISED', interval '9 hours', interval '9 hours'),
                       ('RXL@0', 'RXL', 'RXL at OPEL 3 before', 'RESOLVED', interval '9 hours', interval '8 hours'))
                 AS t(id, org, title, state, raised, step)""");
    }
    history.refreshAggregates();
  }

  static Result run(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.put(columns.get(i - 1), rs.getObject(i));
        }
        rows.add(row);
      }
      return new Result(columns, rows);
    }
  }

  /** A query's column labels and rows. */
  record Result(List<String> columns, List<Map<String, Object>> rows) {}
}
