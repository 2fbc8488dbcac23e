package org.goldcommand.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.junit.jupiter.api.Test;

class EnvelopeBytesTest {

  final Instant at = Instant.parse("2026-11-22T08:00:00.120Z");
  final Instant received = Instant.parse("2026-11-22T08:00:02.123456789Z");

  @Test
  void aColdChainEnvelopeIsWrittenExactlyAsItsTopicWritesIt() throws Exception {
    ColdChainReading reading = new ColdChainReading("S1-F1", "S1", at, 4.5);
    assertSameBytes(Topics.COLD_CHAIN, Envelope.of("cold-chain/S1-F1/" + at + "/ab", "/ingest/cold-chain",
        "org.goldcommand.cold-chain.v1", "S1", at, received, reading));
  }

  @Test
  void nullsEnumsListsAndNestedRecordsAreWrittenExactlyAsTheTopicWritesThem() throws Exception {
    assertSameBytes(Topics.ED_ATTENDANCES, Envelope.of("ed/1", "/ingest/ed", "org.goldcommand.ed-attendance.v1", null, at,
        received, new AttendanceEvent("a\"1\u00e9\u2028", "S1", AttendanceEvent.AttendanceStep.SEEN, at, null, 3)));
    assertSameBytes(Topics.TRUST_PRESSURE, Envelope.of("p/1", "/streams/p", "org.goldcommand.pressure.trust.v1", "RXN",
        at, received, new TrustPressure("RXN", "Lancashire \"Teaching\"", "QE1", at,
            List.of(new Measure("gaOccupancyPct", "G&A occupancy", 95.8, "%", at)), null, null, null)));
    assertSameBytes(Topics.SITREPS, Envelope.of("sitrep/1", "/ingest/sitrep", "org.goldcommand.sitrep.v1", "RXN", at,
        received, new Sitrep(null, "RXN", "RXL01", at, new Sitrep.Beds(100, 0, 99, null, 3, null), null, null, null,
            null, null, null, null, null)));
  }

  @Test
  void escapedAttributesOddInstantsAndAMissingPayloadAreWrittenExactlyAsTheTopicWritesThem() throws Exception {
    Instant[] instants = {Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"),
        Instant.parse("2026-11-22T08:00:00.000001Z"), Instant.parse("+12026-01-01T00:00:00Z"), Instant.MIN, Instant.MAX};
    for (Instant instant : instants) {
      ColdChainReading reading = new ColdChainReading("S1-F1\u0001\"\\", "S\u00e91\u2028", instant, 4.5);
      assertSameBytes(Topics.COLD_CHAIN, new Envelope<>(null, "id\t\u00e9\ud83d\ude00</", "/src", "type", "S\"1", instant,
          received, null, reading));
      assertSameBytes(Topics.COLD_CHAIN, Envelope.of("id", "/src", "type", "S1", at, instant, reading));
      Envelope<ColdChainReading> empty = Envelope.of("id", "/src", "type", null, instant, at, null);
      assertThat(EnvelopeBytes.envelope(empty, null))
          .isEqualTo(Topics.COLD_CHAIN.valueSerde().serializer().serialize(Topics.COLD_CHAIN.name(), empty));
    }
  }

  @Test
  void thePayloadBytesAreTheSharedMappersBytes() throws Exception {
    ColdChainReading reading = new ColdChainReading("S1-F1", "S1", at, -0.0);
    assertThat(EnvelopeBytes.payload(reading)).isEqualTo(Json.mapper().writeValueAsBytes(reading));
  }

  private static <T> void assertSameBytes(Topic<String, Envelope<T>> topic, Envelope<T> envelope) throws Exception {
    byte[] expected = topic.valueSerde().serializer().serialize(topic.name(), envelope);
    byte[] actual = EnvelopeBytes.envelope(envelope, EnvelopeBytes.payload(envelope.data()));
    assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }
}
