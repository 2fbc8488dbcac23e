package org.goldcommand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.validation.SchemaValidator;
import org.junit.jupiter.api.Test;

class EnvelopeSerdeTest {

  final Instant at = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void anEnvelopeIsACloudEventAndSurvivesTheRoundTrip() throws Exception {
    TrustPressure pressure = new TrustPressure("RXN", "Lancashire Teaching", "QE1", at,
        List.of(new Measure("gaOccupancyPct", "G&A occupancy", 95.8, "%", at)), null, null, null);
    Envelope<TrustPressure> envelope = Envelope.of("id-1", "/streams/trust-occupancy", "org.goldcommand.pressure.trust.v1",
        "RXN", at, at.plusSeconds(2), pressure);

    byte[] bytes = Topics.TRUST_PRESSURE.valueSerde().serializer().serialize("t", envelope);
    JsonNode json = Json.mapper().readTree(bytes);
    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("receivedat").asText()).isEqualTo("2026-11-22T08:00:02Z");
    assertThat(SchemaValidator.forResource("schemas/trust-pressure.v1.json").validate(json.get("data"))).isEmpty();

    Envelope<TrustPressure> back = Topics.TRUST_PRESSURE.valueSerde().deserializer().deserialize("t", bytes);
    assertThat(back).isEqualTo(envelope);
    assertThat(back.data().measure("gaOccupancyPct")).map(Measure::value).contains(95.8);
  }

  @Test
  void unreadableBytesRaiseASerializationExceptionForTheDeadLetterHandler() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Topics.SITREPS.valueSerde().deserializer().deserialize("feeds.sitrep.v1", garbage))
        .isInstanceOf(SerializationException.class).hasMessageContaining("feeds.sitrep.v1");
  }
}
