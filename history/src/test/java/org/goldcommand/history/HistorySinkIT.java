package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.TopicReader;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink against a real broker and a real PostgreSQL. Each test has its own database (injected
 * once, in {@code setUp}: every injection is a new database) and its own consumer group, committed
 * at the end of the topics first, so it reads only what it sends.
 */
@ExtendWith({RealKafka.class, RealPostgres.class})
class HistorySinkIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
  final String groupId = "history-it-" + UUID.randomUUID();
  KafkaBroker broker;
  TestDatabase db;
  HistoryTopics topics;
  HistoryRepository history;

  @BeforeEach
  void setUp(KafkaBroker broker, TestDatabase db) {
    this.broker = broker;
    this.db = db;
    topics = new HistoryTopics(broker);
    new HistoryDatabase(db.dataSource()).migrate();
    history = new HistoryRepository(db.dataSource());
  }

  @Test
  void sitrepsAndTrustPressureLandInTheirTables() {
    String sitrepId = Events.newId();
    String pressureId = Events.newId();
    topics.startGroupAtEnd(groupId);

    HistorySink sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), groupId);
    try (sink) {
      sink.start();
      assertThat(sink.isRunning()).isTrue();
      topics.send(Topics.SITREPS, "RXN", List.of(Events.sitrep(sitrepId, today, 690, "")));
      topics.send(Topics.TRUST_PRESSURE, "RXN", List.of(Events.pressure(pressureId, "RXN", today, 95.8, 93.3, 3)));

      await().atMost(WAIT).until(() -> history.trustPressureCount(pressureId) == 1 && history.sitrepCount(sitrepId) == 1);
      assertThat(history.sitrep(sitrepId)).hasValue(new StoredSitrep(sitrepId, "RXN", null, today,
          today.plusSeconds(90), 700, 20, 690, 30, 28, 6.1));
      assertThat(history.trustPressure("RXN", today, today.plusSeconds(1), Duration.ofHours(1)))
          .containsExactly(new TrustPressurePoint(today, 95.8, 93.3, 60.0, 3, 1));
    }
    assertThat(sink.isRunning()).isFalse();
  }

  @Test
  void aResentOrReplayedEventIsStoredOnce() {
    String id = Events.newId();
    String after = Events.newId();
    topics.startGroupAtEnd(groupId);

    try (HistorySink sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), groupId)) {
      sink.start();
      Envelope<Sitrep> sitrep = Events.sitrep(id, today, 690, "");
      topics.send(Topics.SITREPS, "RXN", List.of(sitrep, sitrep, Events.sitrep(after, today, 650, "")));

      await().atMost(WAIT).until(() -> history.sitrepCount(after) == 1);
      assertThat(history.sitrepCount(id)).isEqualTo(1);
      assertThat(sink.stored()).isEqualTo(2);
    }

    // Replaying the whole topic into the same database, as a rebuild would, adds nothing.
    String replayGroup = groupId + "-replay";
    Map<TopicPartition, Long> end = topics.endOffsets();
    try (HistorySink replay = new HistorySink(broker.bootstrapServers(), db.dataSource(), replayGroup)) {
      replay.start();
      await().atMost(WAIT).until(() -> topics.committed(replayGroup).equals(end));
    }
    assertThat(history.sitrepCount(id)).isEqualTo(1);
    assertThat(history.sitrepCount(after)).isEqualTo(1);
  }

  @Test
  void parametersSystemPressureAlertStepsAndAuditEntriesLandOnceHoweverOftenTheyAreRead() throws Exception {
    String pressureId = Events.newId();
    String systemId = Events.newId();
    String alertId = Events.newId();
    String auditId = Events.newId();
    Alert raised = Events.alert(alertId, "RXN", today, AlertState.RAISED, today);
    Alert acknowledged = Events.alert(alertId, "RXN", today, AlertState.ACKNOWLEDGED, today.plusSeconds(300));
    AuditEntry audit = Events.audit(auditId, today.plusSeconds(300), "lead@qe1", raised.key());
    topics.startGroupAtEnd(groupId);

    try (HistorySink sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), groupId)) {
      sink.start();
      topics.send(Topics.TRUST_PRESSURE, "RXN", List.of(Events.scoredPressure(pressureId, "RXN", today, 72.0, 4, 96.0, 3)));
      topics.send(Topics.SYSTEM_PRESSURE, "QE1", List.of(Events.system(systemId, today, 62.5, 12.0, true)));
      topics.send(Topics.ALERTS, raised.key(), List.of(raised, raised, acknowledged));
      topics.send(Topics.AUDIT, "alert/" + raised.key(), List.of(audit, audit));

      await().atMost(WAIT).until(() -> count("audit_log", "id", auditId) == 1
          && count("alert_event", "alert_id", alertId) == 2 && count("system_pressure", "event_id", systemId) == 1
          && count("trust_parameter", "event_id", pressureId) == 2);
    }
    assertStoredOnce(pressureId, systemId, alertId, auditId);
    assertThat(history.parameterHistory("RXN", today.minusSeconds(3600), today.plusSeconds(1), Duration.ofHours(1)))
        .containsOnlyKeys("meanHandoverMinutes", HistoryRecords.GA_OCCUPANCY);
    assertThat(history.trustAlerts("RXN", today, today.plusSeconds(1))).singleElement()
        .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED));
    assertThat(history.audit(today, today.plusSeconds(3600), AuditFilter.byTarget("alert", raised.key())))
        .containsExactly(audit);

    // A rebuild replays every topic into the same database: nothing is stored twice.
    String replayGroup = groupId + "-replay";
    Map<TopicPartition, Long> end = topics.endOffsets();
    try (HistorySink replay = new HistorySink(broker.bootstrapServers(), db.dataSource(), replayGroup)) {
      replay.start();
      await().atMost(WAIT).until(() -> topics.committed(replayGroup).equals(end));
    }
    assertStoredOnce(pressureId, systemId, alertId, auditId);
  }

  @Test
  void anUnreadableRecordIsCountedAndSkippedAndTheNextRecordStillLands() {
    String next = Events.newId();
    topics.startGroupAtEnd(groupId);

    try (HistorySink sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), groupId)) {
      sink.start();
      topics.sendRaw(Topics.SITREPS.name(), "RXN", "{\"not\": \"a sitrep".getBytes(StandardCharsets.UTF_8));
      topics.send(Topics.SITREPS, "RXN", List.of(Events.sitrep(next, today, 690, "")));

      await().atMost(WAIT).until(() -> history.sitrepCount(next) == 1);
      assertThat(sink.rejected()).isEqualTo(1);
      assertThat(sink.isRunning()).isTrue();
    }
    try (var letters = new TopicReader<>(broker, Topics.DEAD_LETTERS)) {
      assertThat(letters.await(r -> r.value().stage().equals("history.decode")
          && r.value().payload().contains("not\": \"a sitrep"), WAIT).value().sourceTopic())
          .isEqualTo(Topics.SITREPS.name());
    }
  }

  @Test
  void aRecordTheDatabaseRefusesIsSkippedWithoutLosingTheRecordsAroundIt() {
    String before = Events.newId();
    String refused = Events.newId();
    String after = Events.newId();
    topics.startGroupAtEnd(groupId);

    try (HistorySink sink = new HistorySink(broker.bootstrapServers(), db.dataSource(), groupId)) {
      // PostgreSQL cannot store a NUL character in text or jsonb, however valid the JSON is.
      topics.send(Topics.SITREPS, "RXN", List.of(Events.sitrep(before, today, 690, ""),
          Events.sitrep(refused, today, 690, "nul \u0000 here"), Events.sitrep(after, today, 690, "")));
      sink.start();

      await().atMost(WAIT).until(() -> history.sitrepCount(after) == 1);
      assertThat(history.sitrepCount(before)).isEqualTo(1);
      assertThat(history.sitrepCount(refused)).isZero();
      assertThat(sink.rejected()).isEqualTo(1);
    }
    try (var letters = new TopicReader<>(broker, Topics.DEAD_LETTERS)) {
      assertThat(letters.await(r -> refused.equals(r.value().key()), WAIT).value().reason())
          .contains("refused");
    }
  }

  @Test
  void whileTheDatabaseIsDownNothingIsCommittedAndEverythingLandsWhenItReturns() {
    String id = Events.newId();
    Map<TopicPartition, Long> start = topics.startGroupAtEnd(groupId);
    FlakyDataSource database = new FlakyDataSource(db.dataSource());
    database.down(true);

    try (HistorySink sink = new HistorySink(broker.bootstrapServers(), database, groupId)) {
      sink.start();
      topics.send(Topics.TRUST_PRESSURE, "RXR", List.of(Events.pressure(id, "RXR", today, 91.0, null, 2)));

      await().atMost(WAIT).until(() -> database.refused() >= 3);
      assertThat(topics.committed(groupId)).isEqualTo(start);
      assertThat(sink.isRunning()).isTrue();

      database.down(false);
      await().atMost(WAIT).until(() -> history.trustPressureCount(id) == 1);
      await().atMost(WAIT).until(() -> !topics.committed(groupId).equals(start));
    }
  }

  private void assertStoredOnce(String pressureId, String systemId, String alertId, String auditId) throws SQLException {
    assertThat(history.trustPressureCount(pressureId)).isEqualTo(1);
    assertThat(count("trust_parameter", "event_id", pressureId)).isEqualTo(2);
    assertThat(count("system_pressure", "event_id", systemId)).isEqualTo(1);
    assertThat(MigrationsIT.rows(db, "SELECT state FROM alert_event WHERE alert_id = '" + alertId + "' ORDER BY updated_at"))
        .containsExactly("RAISED", "ACKNOWLEDGED");
    assertThat(count("audit_log", "id", auditId)).isEqualTo(1);
  }

  private long count(String table, String column, String id) throws SQLException {
    return Long.parseLong(MigrationsIT.rows(db, "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + id + "'")
        .get(0));
  }
}
