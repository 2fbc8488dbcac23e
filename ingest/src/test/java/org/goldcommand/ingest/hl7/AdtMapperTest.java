package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdtMapperTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneOffset.UTC);
  final StayRef stayRef = new StayRef(Hl7Config.DEMO_STAY_REF_SECRET);
  final AdtMapper mapper = new AdtMapper(ReferenceDataLoader.demo(), stayRef, CLOCK);
  final Hl7Senders senders = Hl7Senders.demo();

  @AfterEach
  void close() throws Exception {
    mapper.close();
  }

  BedEvent map(byte[] message) throws Hl7Problem {
    List<String> segments = Hl7Text.segments(message);
    MshHeader header = MshHeader.read(segments.get(0));
    return mapper.map(segments, header, senders.find(header.facility()).orElseThrow());
  }

  BedEvent map(String... segments) throws Hl7Problem {
    return map(String.join("\r", segments).getBytes(StandardCharsets.UTF_8));
  }

  static List<Corpus.Case> corpus() {
    return Corpus.valid();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyCorpusMessageMapsToItsBedEvent(Corpus.Case expected) throws Exception {
    BedEvent event = map(expected.bytes());
    assertThat(event.messageId()).isEqualTo(expected.controlId());
    assertThat(event.siteCode()).isEqualTo(expected.site());
    assertThat(event.wardCode()).isEqualTo(expected.ward());
    assertThat(event.bed()).isEqualTo(expected.bed());
    assertThat(event.previousWardCode()).isEqualTo(expected.previousWard());
    assertThat(event.movement()).hasToString(expected.movement());
    assertThat(event.patientClass()).isEqualTo(expected.patientClass());
    assertThat(event.stayRef() != null).isEqualTo(expected.stayRef());
    assertThat(event.at()).isEqualTo(expected.at());
    assertThat(event.triggerEvent()).isEqualTo(expected.file().substring(0, 3).toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void theStayReferenceIsAKeyedHashOfOrganisationAndVisit() {
    String ref = stayRef.of("RXN", "VN1");
    assertThat(ref).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(stayRef.of("RXN", "VN1"));
    assertThat(ref).isNotEqualTo(stayRef.of("RXL", "VN1")).isNotEqualTo(stayRef.of("RXN", "VN2"));
    assertThat(new StayRef("another-secret-of-at-least-32-characters").of("RXN", "VN1")).isNotEqualTo(ref);
    // Computed independently (Python hmac): pins the algorithm, so stays keep matching across releases.
    assertThat(stayRef.of("RXN", "VN20241101-0042")).isEqualTo("0679f66eaf69a92ebae79ffb85f43a28");
    assertThat(stayRef.of("RXN", null)).isNull();
    assertThat(stayRef.of("RXN", "")).isNull();
  }

  @Test
  void anAdmissionAndItsDischargeShareAStayReference() throws Exception {
    BedEvent admit = map("MSH|^~\\&|PAS|RXN|GC|GC|202411011200||ADT^A01|1|P|2.4",
        "PV1|1|I|W1^^^RXN02||||||||||||||||V77");
    BedEvent discharge = map("MSH|^~\\&|PAS|RXN|GC|GC|202411021200||ADT^A03|2|P|2.4",
        "PV1|1|I|W1^^^RXN02||||||||||||||||V77");
    assertThat(admit.stayRef()).isEqualTo(discharge.stayRef()).isNotNull();
  }

  @Test
  void segmentsOutOfOrderAndAWrongStructureNameStillMap() throws Exception {
    BedEvent event = map("MSH|^~\\&|PAS|RXN|GC|GC|202411011200||ADT^A01^ADT_A99|1|P|2.4",
        "PV1|1|I|W1^^^RXN02", "PID|1||9990001234^^^NHS", "EVN|A01|202411011100");
    assertThat(event.wardCode()).isEqualTo("W1");
    assertThat(event.at()).isEqualTo(Instant.parse("2024-11-01T11:00:00Z"));
  }

  @Test
  void aSenderWithoutADefaultSiteMustNameTheFacility() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("senders", ".yaml");
    java.nio.file.Files.writeString(file, "senders: [{facility: RXN, organisations: [RXN]}]");
    Hl7Sender bare = Hl7Senders.fromFile(file).find("RXN").orElseThrow();
    java.nio.file.Files.delete(file);
    List<String> segments = List.of("MSH|^~\\&|PAS|RXN|GC|GC|202411011200||ADT^A01|1|P|2.4", "PV1|1|I|W1");
    assertThatThrownBy(() -> mapper.map(segments, MshHeader.read(segments.get(0)), bare))
        .hasMessage("PV1-3.4 facility is empty and sending facility RXN has no default site");
  }

  @Test
  void otherPriorLocationsAreIgnoredOutsideTransfers() throws Exception {
    BedEvent event = map("MSH|^~\\&|PAS|RXN|GC|GC|202411011200||ADT^A03|1|P|2.4", "PV1|1|I|W1^^^RXN02|||W0");
    assertThat(event.previousWardCode()).isNull();
  }
}
