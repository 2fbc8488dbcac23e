package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queries the dashboard API makes, against the migrated schema on a real PostgreSQL. */
@ExtendWith(RealPostgres.class)
class HistoryRepositoryIT {

  final Instant ten = Instant.parse("2026-11-26T10:00:00Z");
  final HistoryRecords records = new HistoryRecords();
  HistoryRepository history;
  HistoryWriter writer;

  @BeforeEach
  void setUp(TestDatabase db) throws SQLException {
    new HistoryDatabase(db.dataSource()).migrate();
    history = new HistoryRepository(db.dataSource());
    writer = new HistoryWriter(db.dataSource());
    writer.write(List.of(
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
  void parameterHistoryGivesEachParameterItsBucketsWithMeanMaximumAndHighestLevel() throws SQLException {
    write(MigrationsIT.pressure("p1", "RXN", ten.plusSeconds(300), 90.0, null, 40.0, 2,
            MigrationsIT.parameter("p1", "RXN", ten.plusSeconds(300), 20.0, 2),
            new TrustParameterRow("p1", "RXN", "QE1", "gaOccupancyPct", ten.minusSeconds(7200), 93.0, "%", 3, 15.0, 10.0)),
        MigrationsIT.pressure("p2", "RXN", ten.plusSeconds(1800), 90.0, null, 60.0, 3,
            MigrationsIT.parameter("p2", "RXN", ten.plusSeconds(1800), 70.0, 4)),
        MigrationsIT.pressure("p3", "RXN", ten.plusSeconds(4000), 90.0, null, 60.0, 3,
            MigrationsIT.parameter("p3", "RXN", ten.plusSeconds(4000), 40.0, 3)),
        MigrationsIT.pressure("p4", "RXL", ten.plusSeconds(300), 70.0, null, 10.0, 1,
            MigrationsIT.parameter("p4", "RXL", ten.plusSeconds(300), 5.0, 1)));

    Map<String, List<ParameterPoint>> history = this.history.parameterHistory("RXN", ten.minusSeconds(7200),
        ten.plusSeconds(7200), Duration.ofHours(1));

    assertThat(history).containsOnlyKeys("gaOccupancyPct", "meanHandoverMinutes");
    assertThat(history.keySet()).containsExactly("gaOccupancyPct", "meanHandoverMinutes");
    assertThat(history.get("gaOccupancyPct")).containsExactly(new ParameterPoint(ten.minusSeconds(7200), 93.0, 93.0, 3, 1));
    assertThat(history.get("meanHandoverMinutes")).containsExactly(
        new ParameterPoint(ten, 45.0, 70.0, 4, 2),
        new ParameterPoint(ten.plusSeconds(3600), 40.0, 40.0, 3, 1));
    assertThat(this.history.parameterHistory("RTX", ten, ten.plusSeconds(7200), Duration.ofHours(1))).isEmpty();
  }

  @Test
  void systemPressureHistoryKeepsTheTrendAndWhetherTheScoreWasRisingFast() throws SQLException {
    write(new SystemPressureRow("s1", "QE1", ten.plusSeconds(60), ten, 40.0, 2, 3, 5.0, null, false, "v1", "{}"),
        new SystemPressureRow("s2", "QE1", ten.plusSeconds(1800), ten, 60.0, 3, 4, 20.0, 22.0, true, "v1", "{}"),
        new SystemPressureRow("s3", "QE1", ten.plusSeconds(3700), ten, 62.0, 3, 4, null, null, false, "v1", "{}"));

    assertThat(history.systemPressure("QE1", ten, ten.plusSeconds(7200), Duration.ofHours(1))).containsExactly(
        new SystemPressurePoint(ten, 50.0, 3, 4, 20.0, 22.0, true, 2),
        new SystemPressurePoint(ten.plusSeconds(3600), 62.0, 3, 4, null, null, false, 1));
  }

  @Test
  void alertsAreThoseOpenDuringTheRangeEachAsItStandsNow() throws Exception {
    Instant early = ten.minusSeconds(3 * 3600);
    write(alertStep("old@1", "RXN", early, AlertState.RAISED, early),
        alertStep("old@1", "RXN", early, AlertState.RESOLVED, early.plusSeconds(600)),
        alertStep("long@1", "RXN", early, AlertState.RAISED, early),
        alertStep("long@1", "RXN", early, AlertState.ACKNOWLEDGED, ten.plusSeconds(120)),
        alertStep("new@1", "RXL", ten.plusSeconds(600), AlertState.RAISED, ten.plusSeconds(600)),
        alertStep("later@1", "RXN", ten.plusSeconds(7200), AlertState.RAISED, ten.plusSeconds(7200)));

    List<Alert> system = history.systemAlerts("QE1", ten, ten.plusSeconds(3600));
    assertThat(system).extracting(Alert::alertId, Alert::state).containsExactly(
        tuple("new@1", AlertState.RAISED), tuple("long@1", AlertState.ACKNOWLEDGED));
    assertThat(system.get(1).acknowledgedBy()).isEqualTo("lead@qe1");
    assertThat(system.get(1).action().steps()).containsExactly("Call the system lead");
    assertThat(history.trustAlerts("RXN", ten, ten.plusSeconds(3600))).extracting(Alert::alertId)
        .containsExactly("long@1");
    assertThat(history.trustAlerts("RXN", early, early.plusSeconds(300))).extracting(Alert::alertId)
        .containsExactlyInAnyOrder("old@1", "long@1");
  }

  @Test
  void auditEntriesCanBeReadByActorOrByTargetNewestFirst() throws SQLException {
    write(audit("a1", ten, "lead@qe1", "k1"), audit("a2", ten.plusSeconds(60), "other@qe1", "k1"),
        audit("a3", ten.plusSeconds(120), "lead@qe1", "k2"), audit("a4", ten.plusSeconds(7200), "lead@qe1", "k1"));
    Instant end = ten.plusSeconds(3600);

    assertThat(history.audit(ten, end, AuditFilter.any())).extracting(AuditEntry::id).containsExactly("a3", "a2", "a1");
    assertThat(history.audit(ten, end, AuditFilter.byActor("lead@qe1"))).extracting(AuditEntry::id)
        .containsExactly("a3", "a1");
    assertThat(history.audit(ten, end, AuditFilter.byTarget("alert", "k1"))).extracting(AuditEntry::id)
        .containsExactly("a2", "a1");
    assertThat(history.audit(ten, end, AuditFilter.byActor("other@qe1")).get(0))
        .isEqualTo(Events.audit("a2", ten.plusSeconds(60), "other@qe1", "k1"));
  }

  @Test
  void theNewQueriesRefuseNonsensicalRangesAsTheTrustPressureQueryDoes() {
    assertThatThrownBy(() -> history.parameterHistory("RXN", ten, ten, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.systemPressure("QE1", ten, ten.plusSeconds(60), Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.parameterHistory("RXN", ten.minus(Duration.ofDays(365)), ten, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets");
    assertThatThrownBy(() -> history.systemAlerts("QE1", ten.plusSeconds(60), ten))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.audit(ten, ten, AuditFilter.any())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditFilter(null, null, "k1")).isInstanceOf(IllegalArgumentException.class);
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

  private void write(HistoryRow... rows) throws SQLException {
    writer.write(List.of(rows));
  }

  /** An alert step as the sink stores it, decoded from what the alerts topology publishes. */
  private HistoryRow alertStep(String alertId, String org, Instant raisedAt, AlertState state, Instant updatedAt)
      throws HistoryRecords.UnreadableRecordException {
    Alert alert = Events.alert(alertId, org, raisedAt, state, updatedAt);
    return records.decode(Topics.ALERTS.name(), Topics.ALERTS.valueSerde().serializer().serialize("t", alert));
  }

  private HistoryRow audit(String id, Instant at, String actor, String alertKey) {
    try {
      AuditEntry entry = Events.audit(id, at, actor, alertKey);
      return records.decode(Topics.AUDIT.name(), Topics.AUDIT.valueSerde().serializer().serialize("t", entry));
    } catch (HistoryRecords.UnreadableRecordException e) {
      throw new AssertionError(e);
    }
  }
}
