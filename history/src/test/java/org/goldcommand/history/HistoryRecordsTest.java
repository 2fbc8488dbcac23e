package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.junit.jupiter.api.Test;

class HistoryRecordsTest {

  final HistoryRecords records = new HistoryRecords();
  final Instant at = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void aSitrepBecomesARowWithItsBedFiguresAndItsJson() throws Exception {
    Envelope<Sitrep> event = Events.sitrep("s-1", at, 690, "busy");

    HistoryRow row = records.decode(Topics.SITREPS.name(), bytes(Topics.SITREPS.valueSerde().serializer(), event));

    assertThat(row).isEqualTo(new SitrepRow("s-1", "RXN", null, at, at.plusSeconds(90), 700, 20, 690, 30, 28, 6.1,
        Json.mapper().writeValueAsString(event.data())));
  }

  @Test
  void aTrustPressureKeepsItsOccupancyMeasuresAndAMissingMeasureStaysMissingNotZero() throws Exception {
    Envelope<TrustPressure> event = Events.pressure("p-1", "RXL", at, 96.5, null, 4);

    HistoryRow row = records.decode(Topics.TRUST_PRESSURE.name(),
        bytes(Topics.TRUST_PRESSURE.valueSerde().serializer(), event));

    assertThat(row).isInstanceOfSatisfying(TrustPressureRow.class, p -> {
      assertThat(p.orgCode()).isEqualTo("RXL");
      assertThat(p.systemCode()).isEqualTo("QE1");
      assertThat(p.gaOccupancyPct()).isEqualTo(96.5);
      assertThat(p.criticalCareOccupancyPct()).isNull();
      assertThat(p.opelLevel()).isEqualTo(4);
      assertThat(p.score()).isEqualTo(80.0);
      assertThat(p.tableVersion()).isEqualTo("demo-2026.1");
    });
  }

  @Test
  void aTrustPressureCarriesOneParameterRowPerMeasureAtTheMeasuresOwnTime() throws Exception {
    Envelope<TrustPressure> event = Events.scoredPressure("p-2", "RXN", at, 72.0, 4, 96.0, 3);

    HistoryRow row = records.decode(Topics.TRUST_PRESSURE.name(),
        bytes(Topics.TRUST_PRESSURE.valueSerde().serializer(), event));

    assertThat(row.dependents()).containsExactly(
        new TrustParameterRow("p-2", "RXN", "QE1", "meanHandoverMinutes", at, 72.0, "minutes", 4, 15.0, 15.0),
        new TrustParameterRow("p-2", "RXN", "QE1", HistoryRecords.GA_OCCUPANCY, at.minusSeconds(3600), 96.0, "%", 3,
            15.0, 10.0));
  }

  @Test
  void anUnscoredMeasureIsKeptWithoutALevelRatherThanWithAMadeUpOne() throws Exception {
    Envelope<TrustPressure> event = Events.pressure("p-3", "RXL", at, 91.0, null, 2);

    HistoryRow row = records.decode(Topics.TRUST_PRESSURE.name(),
        bytes(Topics.TRUST_PRESSURE.valueSerde().serializer(), event));

    assertThat(row.dependents()).singleElement().isInstanceOfSatisfying(TrustParameterRow.class, p -> {
      assertThat(p.value()).isEqualTo(91.0);
      assertThat(p.level()).isNull();
      assertThat(p.weight()).isNull();
      assertThat(p.contribution()).isNull();
    });
  }

  @Test
  void aSystemPressureKeepsItsScoreLevelsAndTrendInColumns() throws Exception {
    Envelope<SystemPressure> event = Events.system("sys-1", at, 62.5, 12.0, true);

    HistoryRow row = records.decode(Topics.SYSTEM_PRESSURE.name(),
        bytes(Topics.SYSTEM_PRESSURE.valueSerde().serializer(), event));

    assertThat(row).isEqualTo(new SystemPressureRow("sys-1", "QE1", at, at.plusSeconds(1), 62.5, 3, 4, 12.0, null,
        true, "demo-2026.1", Json.mapper().writeValueAsString(event.data())));
  }

  @Test
  void eachAlertStepIsARowKeyedByItsOccurrenceStateAndTime() throws Exception {
    Instant later = at.plusSeconds(600);
    Alert alert = Events.alert("trust-opel-4/RXN@1", "RXN", at, AlertState.ACKNOWLEDGED, later);

    HistoryRow row = records.decode(Topics.ALERTS.name(), bytes(Topics.ALERTS.valueSerde().serializer(), alert));

    assertThat(row).isInstanceOfSatisfying(AlertRow.class, a -> {
      assertThat(a.alertId()).isEqualTo("trust-opel-4/RXN@1");
      assertThat(a.key()).isEqualTo("trust-opel-4/RXN");
      assertThat(a.state()).isEqualTo("ACKNOWLEDGED");
      assertThat(a.kind()).isEqualTo("TRUST_LEVEL");
      assertThat(a.severity()).isEqualTo("CRITICAL");
      assertThat(a.raisedAt()).isEqualTo(at);
      assertThat(a.acknowledgedAt()).isEqualTo(later);
      assertThat(a.acknowledgedBy()).isEqualTo("lead@qe1");
      assertThat(a.updatedAt()).isEqualTo(later);
      assertThat(a.systemCode()).isEqualTo("QE1");
      assertThat(a.orgCode()).isEqualTo("RXN");
    });
    assertThat(row.eventId()).isEqualTo("trust-opel-4/RXN@1/ACKNOWLEDGED");
  }

  @Test
  void anAuditEntryKeepsWhoWhatAndTheDetails() throws Exception {
    AuditEntry entry = Events.audit("a-1", at, "lead@qe1", "trust-opel-4/RXN");

    HistoryRow row = records.decode(Topics.AUDIT.name(), bytes(Topics.AUDIT.valueSerde().serializer(), entry));

    assertThat(row).isEqualTo(new AuditRow("a-1", at, "lead@qe1", "system-lead", "alert.acknowledge", "alert",
        "trust-opel-4/RXN", "QE1", "{\"note\":\"on it\"}"));
  }

  @Test
  void anAlertWithoutAnOccurrenceIdOrAnAuditEntryWithoutAnActorIsRejectedWithTheReason() {
    Alert anonymous = Events.alert(null, "RXN", at, AlertState.RAISED, at);
    AuditEntry nobody = new AuditEntry("a-2", at, null, null, "alert.acknowledge", "alert", "k", "QE1", null);

    assertThatThrownBy(() -> records.decode(Topics.ALERTS.name(), bytes(Topics.ALERTS.valueSerde().serializer(), anonymous)))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class).hasMessageContaining("alertId");
    assertThatThrownBy(() -> records.decode(Topics.AUDIT.name(), bytes(Topics.AUDIT.valueSerde().serializer(), nobody)))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class).hasMessageContaining("actor");
  }

  @Test
  void theSinkReadsEveryTopicTheHistoryHolds() {
    assertThat(HistoryRecords.TOPICS).containsExactlyInAnyOrderElementsOf(
        HistoryTopics.TOPICS.stream().map(t -> t.name()).toList());
  }

  @Test
  void bytesThatAreNotAnEnvelopeAreRejectedWithTheReason() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> records.decode(Topics.SITREPS.name(), garbage))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class)
        .hasMessageContaining(Topics.SITREPS.name());
  }

  @Test
  void bytesThatAreNotAnAlertOrAnAuditEntryAreRejectedNamingTheirTopic() {
    byte[] garbage = "[1, 2".getBytes(StandardCharsets.UTF_8);

    for (String topic : List.of(Topics.SYSTEM_PRESSURE.name(), Topics.ALERTS.name(), Topics.AUDIT.name())) {
      assertThatThrownBy(() -> records.decode(topic, garbage))
          .isInstanceOf(HistoryRecords.UnreadableRecordException.class).hasMessageContaining(topic);
    }
  }

  @Test
  void anEmptyRecordIsRejected() {
    assertThatThrownBy(() -> records.decode(Topics.TRUST_PRESSURE.name(), null))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class);
  }

  @Test
  void aSitrepWithoutAnOrganisationIsRejectedRatherThanStoredUnattributed() {
    Sitrep anonymous = new Sitrep(null, null, null, at, null, null, null, null, null, null, null, null, null);
    Envelope<Sitrep> event = Envelope.of("s-2", "/ingest/http", "t", null, at, at, anonymous);

    assertThatThrownBy(() -> records.decode(Topics.SITREPS.name(), bytes(Topics.SITREPS.valueSerde().serializer(), event)))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class)
        .hasMessageContaining("orgCode");
  }

  private static <T> byte[] bytes(Serializer<T> serializer, T value) {
    return serializer.serialize("t", value);
  }
}
