package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** The valid corpus through a real listener into a real broker: each lands once, right, and without PID. */
class Hl7CorpusIT extends Hl7BrokerTest {

  String id(String base) {
    return base + "-" + run;
  }

  /** Sends a marker and waits for it: everything sent before it on this connection is on the topic by then. */
  void sendMarkerAndWait(MllpClient client, TopicReader<String, Envelope<BedEvent>> reader) throws Exception {
    String marker = id("MARKER-" + UUID.randomUUID().toString().substring(0, 6));
    String message = "MSH|^~\\&|PAS|RTX|GC|GC|20241101120000||ADT^A08|" + marker + "|P|2.5\r"
        + "PV1|1|I|WARD1^^^RTX02\r";
    assertThat(Ack.parse(client.send(message)).code()).isEqualTo("AA");
    reader.await(r -> r.value().id().endsWith("/" + marker), WAIT);
  }

  @Test
  void everyCorpusMessageLandsOnceWithItsFields() throws Exception {
    List<Corpus.Case> cases = Corpus.valid();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    try (MllpClient client = hl7.client();
        TopicReader<String, Envelope<BedEvent>> reader = new TopicReader<>(broker, Topics.BED_EVENTS)) {
      for (Corpus.Case c : cases) {
        Ack ack = Ack.parse(client.send(c.bytesWithControlId(id(c.controlId()))));
        assertThat(ack.code()).as(c.file() + ": " + ack).isEqualTo("AA");
        assertThat(ack.controlId()).isEqualTo(id(c.controlId()));
      }
      sendMarkerAndWait(client, reader);
      for (Corpus.Case c : cases) {
        String eventId = AdtHandler.eventId(c.facility(), id(c.controlId()));
        List<ConsumerRecord<String, Envelope<BedEvent>>> records = reader.seen().stream()
            .filter(r -> r.value().id().equals(eventId)).toList();
        assertThat(records).as(c.file()).hasSize(1);
        ConsumerRecord<String, Envelope<BedEvent>> record = records.get(0);
        BedEvent event = record.value().data();
        assertThat(record.key()).isEqualTo(c.site());
        assertThat(record.value().subject()).isEqualTo(c.site());
        assertThat(record.value().time()).isEqualTo(c.at());
        assertThat(event.messageId()).isEqualTo(id(c.controlId()));
        assertThat(event.siteCode()).isEqualTo(c.site());
        assertThat(event.wardCode()).isEqualTo(c.ward());
        assertThat(event.bed()).isEqualTo(c.bed());
        assertThat(event.previousWardCode()).isEqualTo(c.previousWard());
        assertThat(event.movement()).hasToString(c.movement());
        assertThat(event.patientClass()).isEqualTo(c.patientClass());
        assertThat(event.stayRef() != null).isEqualTo(c.stayRef());
        assertThat(event.at()).isEqualTo(c.at());
      }
    }
    assertThat(hl7.count("accepted")).isGreaterThanOrEqualTo(cases.size());
  }

  @Test
  void aReSentControlIdIsAcknowledgedAgainAndLandsOnce() throws Exception {
    Corpus.Case admit = Corpus.valid().get(0);
    byte[] message = admit.bytesWithControlId(id("RESEND"));
    try (MllpClient client = hl7.client();
        TopicReader<String, Envelope<BedEvent>> reader = new TopicReader<>(broker, Topics.BED_EVENTS)) {
      assertThat(Ack.parse(client.send(message)).code()).isEqualTo("AA");
      assertThat(Ack.parse(client.send(message)).code()).isEqualTo("AA");
      try (MllpClient reconnected = hl7.client()) {
        Ack again = Ack.parse(reconnected.send(message));
        assertThat(again.code()).isEqualTo("AA");
        assertThat(again.controlId()).isEqualTo(id("RESEND"));
      }
      sendMarkerAndWait(client, reader);
      assertThat(reader.seen()).filteredOn(r -> r.value().id().equals(AdtHandler.eventId("RXN", id("RESEND"))))
          .hasSize(1);
    }
  }

  @Test
  void noPatientIdentifierReachesKafka() throws Exception {
    Topic<String, byte[]> raw = new Topic<>(Topics.BED_EVENTS.name(), Serdes.String(), Serdes.ByteArray(), 3, Map.of());
    Map<String, Set<String>> pidByControlId = new HashMap<>();
    try (MllpClient client = hl7.client();
        TopicReader<String, byte[]> reader = new TopicReader<>(broker, raw);
        TopicReader<String, Envelope<BedEvent>> events = new TopicReader<>(broker, Topics.BED_EVENTS)) {
      for (Corpus.Case c : Corpus.valid()) {
        String controlId = id("PRIVACY-" + c.controlId());
        byte[] message = c.bytesWithControlId(controlId);
        pidByControlId.put(controlId, Corpus.pidValues(message));
        assertThat(Ack.parse(client.send(message)).code()).isEqualTo("AA");
      }
      sendMarkerAndWait(client, events);
      for (Map.Entry<String, Set<String>> sent : pidByControlId.entrySet()) {
        ConsumerRecord<String, byte[]> record = reader.await(
            r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"" + sent.getKey() + "\""), WAIT);
        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(sent.getValue()).as("PID values of " + sent.getKey()).isNotEmpty()
            .allSatisfy(value -> assertThat(json).doesNotContain(value));
        assertThat(json).doesNotContainPattern("999000\\d{4}").doesNotContain("SMITH").doesNotContain("\"pid");
      }
    }
  }

  @Test
  void aCrossOrganisationMessageIsRefusedAndRecordedAsARejection() throws Exception {
    String reasonSite = "RXL01";
    byte[] message = Corpus.valid().get(0).bytesWithControlId(id("CROSS"));
    String text = new String(message, StandardCharsets.ISO_8859_1).replace("^RXN02^", "^" + reasonSite + "^");
    try (MllpClient client = hl7.client();
        TopicReader<String, Rejection> rejections = new TopicReader<>(broker, Topics.REJECTIONS)) {
      Ack ack = Ack.parse(client.send(text.getBytes(StandardCharsets.ISO_8859_1)));
      assertThat(ack.code()).isEqualTo("AR");
      assertThat(ack.controlId()).isEqualTo(id("CROSS"));
      assertThat(ack.text()).contains("site RXL01 belongs to RXL");
      ConsumerRecord<String, Rejection> rejection = rejections.await(
          r -> r.value().feed().equals("hl7-adt") && r.value().reason().contains("site RXL01 belongs to RXL"), WAIT);
      assertThat(rejection.key()).isEqualTo("RXN");
      assertThat(rejection.value().status()).isEqualTo("AR");
    }
  }
}
