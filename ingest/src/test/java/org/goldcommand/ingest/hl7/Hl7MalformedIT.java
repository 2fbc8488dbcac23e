package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Every malformed input gets AE or AR naming the problem, in a well-formed ACK, without harming the
 * connection it came on or any other; none reaches the bed events topic.
 */
class Hl7MalformedIT extends Hl7BrokerTest {

  String valid(String controlId) {
    return String.join("\r", String.format(Malformed.MSH, controlId), Malformed.EVN, Malformed.PID, Malformed.PV1)
        + "\r";
  }

  @Test
  void everyMalformedMessageIsRefusedWithItsReasonAndNothingElseIsHarmed() throws Exception {
    List<Malformed.Case> cases = Malformed.cases(run);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    List<String> failures = new ArrayList<>();
    try (MllpClient client = hl7.client(); MllpClient bystander = hl7.client();
        TopicReader<String, Envelope<BedEvent>> events = new TopicReader<>(broker, Topics.BED_EVENTS)) {
      for (Malformed.Case c : cases) {
        Ack ack = Ack.parse(client.send(c.bytes()));
        String text = String.valueOf(ack.text());
        String errorText = String.valueOf(ack.errorText());
        String controlId = ack.controlId() == null || ack.controlId().isEmpty() ? null : ack.controlId();
        if (!ack.code().equals(c.code()) || !text.contains(c.reason()) || !errorText.contains(c.reason())
            || !java.util.Objects.equals(c.controlId(), controlId)) {
          failures.add(c.name() + ": expected " + c.code() + " '" + c.reason() + "' for " + c.controlId()
              + ", got " + ack);
        }
      }
      assertThat(failures).isEmpty();

      String after = "AFTER-" + run;
      assertThat(Ack.parse(client.send(valid(after))).code()).isEqualTo("AA");
      assertThat(Ack.parse(bystander.send(valid("BYSTANDER-" + run))).code()).isEqualTo("AA");
      events.await(r -> r.value().data().messageId().equals(after), WAIT);
      assertThat(events.seen()).noneMatch(r -> r.value().data().messageId().startsWith("BAD-")
          && r.value().data().messageId().endsWith(run));
    }
    assertThat(hl7.count("rejected")).isGreaterThanOrEqualTo(cases.size());
  }

  @Test
  void aRefusalFromAKnownSenderIsRecordedForFeedStatus() throws Exception {
    String site = "QQQ" + run.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
    try (MllpClient client = hl7.client();
        TopicReader<String, Rejection> rejections = new TopicReader<>(broker, Topics.REJECTIONS)) {
      Ack ack = Ack.parse(client.send(valid("SITE-" + run).replace("BED1^RXN02", "BED1^" + site)));
      assertThat(ack.code()).isEqualTo("AE");
      assertThat(ack.text()).isEqualTo("unknown site " + site + " in PV1-3.4");
      Rejection rejection = rejections.await(r -> r.value().reason().contains(site), WAIT).value();
      assertThat(rejection.orgCode()).isEqualTo("RXN");
      assertThat(rejection.feed()).isEqualTo("hl7-adt");
      assertThat(rejection.status()).isEqualTo("AE");
    }
  }

  @Test
  void bytesOutsideAFrameAreAnsweredAndTheConnectionCarriesOn() throws Exception {
    try (MllpClient client = hl7.client()) {
      for (String stray : List.of("hello", valid("UNFRAMED-" + run), "POST / HTTP/1.1\r\nHost: x\r\n\r\n")) {
        client.write(stray.getBytes(StandardCharsets.US_ASCII));
        String sync = "SYNC-" + UUID.randomUUID().toString().substring(0, 8);
        client.write(MllpClient.frame(valid(sync).getBytes(StandardCharsets.US_ASCII)));
        List<Ack> before = readUntil(client, sync);
        assertThat(before).isNotEmpty().allSatisfy(ack -> {
          assertThat(ack.code()).isEqualTo("AR");
          assertThat(ack.text()).contains("outside an MLLP frame");
        });
      }
    }
  }

  @Test
  void aFrameCutShortByANewFrameIsRefusedAndTheNextIsTaken() throws Exception {
    try (MllpClient client = hl7.client()) {
      String half = valid("HALF-" + run).substring(0, 120);
      byte[] next = MllpClient.frame(valid("WHOLE-" + run).getBytes(StandardCharsets.US_ASCII));
      byte[] both = new byte[1 + half.length() + next.length];
      both[0] = MllpFramer.VT;
      System.arraycopy(half.getBytes(StandardCharsets.US_ASCII), 0, both, 1, half.length());
      System.arraycopy(next, 0, both, 1 + half.length(), next.length);
      client.write(both);
      Ack cut = Ack.parse(client.readAck());
      assertThat(cut.code()).isEqualTo("AR");
      assertThat(cut.controlId()).isEqualTo("HALF-" + run);
      assertThat(cut.text()).contains("cut short");
      Ack whole = Ack.parse(client.readAck());
      assertThat(whole.code()).isEqualTo("AA");
      assertThat(whole.controlId()).isEqualTo("WHOLE-" + run);
    }
  }

  @Test
  void anOversizedMessageIsRefusedAndOnlyItsConnectionClosed() throws Exception {
    try (MllpClient big = hl7.client(); MllpClient other = hl7.client()) {
      String huge = valid("HUGE-" + run) + "ZZZ|" + "x".repeat(Hl7Config.DEFAULT_MAX_MESSAGE_BYTES) + "\r";
      big.write(MllpClient.frame(huge.getBytes(StandardCharsets.US_ASCII)));
      Ack ack = Ack.parse(big.readAck());
      assertThat(ack.code()).isEqualTo("AR");
      assertThat(ack.controlId()).isEqualTo("HUGE-" + run);
      assertThat(ack.text()).contains("larger than 1048576 bytes");
      assertThat(big.closedByPeer()).isTrue();
      assertThat(Ack.parse(other.send(valid("SURVIVOR-" + run))).code()).isEqualTo("AA");
    } catch (IOException e) {
      throw new AssertionError("the listener must answer before it closes", e);
    }
  }

  private static List<Ack> readUntil(MllpClient client, String controlId) throws IOException {
    List<Ack> before = new ArrayList<>();
    while (true) {
      Ack ack = Ack.parse(client.readAck());
      if (controlId.equals(ack.controlId())) {
        assertThat(ack.code()).isEqualTo("AA");
        return before;
      }
      before.add(ack);
    }
  }
}
