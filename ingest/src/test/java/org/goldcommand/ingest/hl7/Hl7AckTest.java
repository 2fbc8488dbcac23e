package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7AckTest {

  static final Instant NOW = Instant.parse("2024-11-01T12:00:00Z");

  static MshHeader header(String msh) throws Hl7Problem {
    return MshHeader.read(msh);
  }

  @Test
  void readsTheHeaderFieldsUnescaped() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS^1.2^ISO|RX\\T\\N~OTHER|GC|GC|20241101||adt^a01^ADT_A01|ID\\F\\1|P|2.4^GBR");
    assertThat(h.application()).isEqualTo("PAS");
    assertThat(h.facility()).isEqualTo("RX&N");
    assertThat(h.messageType()).isEqualTo("adt");
    assertThat(h.trigger()).isEqualTo("a01");
    assertThat(h.controlId()).isEqualTo("ID|1");
    assertThat(h.version()).isEqualTo("2.4");
    assertThat(h.raw(10)).isEqualTo("ID\\F\\1");
    assertThat(h.raw(40)).isEmpty();
  }

  @Test
  void readsOtherDelimiters() throws Exception {
    MshHeader h = header("MSH#$*!@#PAS#RXN#GC#GC#20241101##ADT$A02#X1#P#2.5");
    assertThat(h.trigger()).isEqualTo("A02");
    assertThat(h.facility()).isEqualTo("RXN");
    Ack ack = Ack.parse(Hl7Ack.accept(h, NOW));
    assertThat(ack.code()).isEqualTo("AA");
    assertThat(ack.raw()).startsWith("MSH#$*!@#GOLDCOMMAND#");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EVN|A01", "MSH", "MSH|^~", "MSHX^~\\&X", "MSH|^^^^|PAS", "MSH|^~|PAS|RXN", "MSH|^~\\&^|x",
      "MSH|^~\\&#!|x", "MSH|A~\\&|x"})
  void refusesAnUnreadableHeader(String msh) {
    assertThatThrownBy(() -> header(msh)).isInstanceOf(Hl7Problem.class)
        .satisfies(e -> assertThat(((Hl7Problem) e).ackCode()).isEqualTo(AckCode.AR));
  }

  @Test
  void anAcceptEchoesTheControlIdAndVersionWithAThreePartType() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS|RXN|GC|GC|20241101||ADT^A02^ADT_A02|CTRL-9|T|2.5.1");
    Ack ack = Ack.parse(Hl7Ack.accept(h, NOW));
    assertThat(ack.code()).isEqualTo("AA");
    assertThat(ack.controlId()).isEqualTo("CTRL-9");
    assertThat(ack.version()).isEqualTo("2.5.1");
    assertThat(ack.raw()).contains("|ACK^A02^ACK|").contains("|T|2.5.1\r").contains("|GOLDCOMMAND|GOLDCOMMAND|PAS|RXN|")
        .contains("|20241101120000+0000|");
    assertThat(ack.raw().split("\r")).hasSize(2);
  }

  @Test
  void version23HasATwoPartTypeAndALegacyErr() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS|RXN|GC|GC|20241101||ADT^A01|C1|P|2.3");
    Ack ack = Ack.parse(Hl7Ack.refuse(h, Hl7Problem.error(Hl7Problem.TABLE_VALUE_NOT_FOUND, "PV1", 3,
        "unknown site X|Y"), NOW));
    assertThat(ack.raw()).contains("|ACK^A01|");
    assertThat(ack.code()).isEqualTo("AE");
    assertThat(ack.text()).isEqualTo("unknown site X|Y");
    assertThat(ack.errorCode()).isEqualTo("103");
    assertThat(ack.errorText()).isEqualTo("unknown site X|Y");
    assertThat(ack.raw()).contains("\rERR|PV1^1^3^103&unknown site X\\F\\Y&HL70357");
  }

  @Test
  void version25HasTheReasonInErr8() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS|RXN|GC|GC|20241101||ADT^A01|C1|P|2.5");
    Ack ack = Ack.parse(Hl7Ack.refuse(h, Hl7Problem.rejected(Hl7Problem.UNSUPPORTED_EVENT, "MSH", 9,
        "trigger A04 & more"), NOW));
    assertThat(ack.code()).isEqualTo("AR");
    assertThat(ack.errorCode()).isEqualTo("201");
    assertThat(ack.errorText()).isEqualTo("trigger A04 & more");
    assertThat(ack.raw()).contains("\rERR||MSH^1^9|201^Unsupported event code^HL70357|E||||trigger A04 \\T\\ more");
  }

  @Test
  void withoutAHeaderAMinimalAckIsStillWellFormed() {
    Ack ack = Ack.parse(Hl7Ack.refuse(null, Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, null, 0,
        "the message does not start with an MSH segment"), NOW));
    assertThat(ack.code()).isEqualTo("AR");
    assertThat(ack.controlId()).isNullOrEmpty();
    assertThat(ack.version()).isEqualTo("2.5.1");
    assertThat(ack.messageType()).isEqualTo("ACK");
    assertThat(ack.text()).contains("MSH");
  }

  @Test
  void controlCharactersNeverBreakTheAck() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS|RXN|GC|GC|20241101||ADT^A01|C1|P|2.5");
    Ack ack = Ack.parse(Hl7Ack.refuse(h, Hl7Problem.error(Hl7Problem.DATA_TYPE, "EVN", 2, "bad\r\nvalue\u000b"), NOW));
    assertThat(ack.text()).startsWith("bad  value");
  }

  @Test
  void everyAckHasItsOwnControlId() throws Exception {
    MshHeader h = header("MSH|^~\\&|PAS|RXN|GC|GC|20241101||ADT^A01|C1|P|2.5");
    String first = Hl7Ack.accept(h, NOW).split("\\|")[9];
    String second = Hl7Ack.accept(h, NOW).split("\\|")[9];
    assertThat(first).isNotEqualTo(second).hasSizeLessThanOrEqualTo(20);
  }
}
