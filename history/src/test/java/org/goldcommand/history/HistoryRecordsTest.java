package org.goldcommand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.goldcommand.events.Envelope;
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
  void bytesThatAreNotAnEnvelopeAreRejectedWithTheReason() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> records.decode(Topics.SITREPS.name(), garbage))
        .isInstanceOf(HistoryRecords.UnreadableRecordException.class)
        .hasMessageContaining(Topics.SITREPS.name());
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
