package org.goldcommand.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener over real sockets with a controllable outbox: ordering, ACK timing, re-sends, limits. */
class Hl7ListenerTest {

  static Vertx vertx;
  final FakeOutbox outbox = new FakeOutbox();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  Hl7Listener listener;
  int port;

  @TempDir
  Path dir;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close().await();
    }
  }

  void start(Hl7Config config, Hl7Senders senders) {
    listener = new Hl7Listener(vertx, config, outbox, ReferenceDataLoader.demo(), senders, registry, Clock.systemUTC());
    port = listener.start().await();
  }

  void start() {
    start(Hl7Config.demo(0), Hl7Senders.demo());
  }

  static String adt(String facility, String id, String trigger, String location) {
    return "MSH|^~\\&|PAS|" + facility + "|GOLDCOMMAND|GOLDCOMMAND|20241101120000||ADT^" + trigger + "|" + id
        + "|P|2.4\rEVN|" + trigger + "|20241101115900\rPID|1||9990001234^^^NHS||SMITH^John\rPV1|1|I|" + location
        + "|||PREV^^^RXN02||||||||||||V1\r";
  }

  double count(String outcome) {
    return registry.counter("gc.ingest.submissions", "feed", "hl7-adt", "outcome", outcome).count();
  }

  @Test
  void theAckWaitsForTheStoreAndCarriesTheControlId() throws Exception {
    start();
    outbox.mode = FakeOutbox.Mode.HOLD;
    try (MllpClient client = new MllpClient(port)) {
      client.write(MllpClient.frame(adt("RXN", "WAIT-1", "A01", "W1^^^RXN02").getBytes(StandardCharsets.UTF_8)));
      Runnable release = outbox.held.poll(10, TimeUnit.SECONDS);
      assertThat(release).isNotNull();
      assertThat(client.silentFor(Duration.ofMillis(300))).isTrue();
      release.run();
      Ack ack = Ack.parse(client.readAck());
      assertThat(ack.code()).isEqualTo("AA");
      assertThat(ack.controlId()).isEqualTo("WAIT-1");
      assertThat(ack.trigger()).isEqualTo("A01");
      assertThat(ack.version()).isEqualTo("2.4");
    }
    assertThat(outbox.stored).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("bed-event/RXN/WAIT-1");
      assertThat(e.source()).isEqualTo("/ingest/hl7/RXN");
      assertThat(e.type()).isEqualTo("org.goldcommand.bed-event.v1");
      assertThat(e.subject()).isEqualTo("RXN02");
    });
    assertThat(count("accepted")).isEqualTo(1);
  }

  @Test
  void whenTheStoreFailsTheAnswerIsAeAndNeverAa() throws Exception {
    start();
    outbox.mode = FakeOutbox.Mode.FAIL;
    try (MllpClient client = new MllpClient(port)) {
      Ack ack = Ack.parse(client.send(adt("RXN", "FAIL-1", "A01", "W1^^^RXN02")));
      assertThat(ack.code()).isEqualTo("AE");
      assertThat(ack.controlId()).isEqualTo("FAIL-1");
      assertThat(ack.text()).isEqualTo("temporarily unable to store; resend");
      assertThat(ack.errorCode()).isEqualTo("207");
      outbox.mode = FakeOutbox.Mode.STORE;
      assertThat(Ack.parse(client.send(adt("RXN", "FAIL-1", "A01", "W1^^^RXN02"))).code()).isEqualTo("AA");
    }
    assertThat(count("unavailable")).isEqualTo(1);
    assertThat(count("accepted")).isEqualTo(1);
    assertThat(outbox.rejections).isEmpty();
  }

  @Test
  void aResentControlIdIsAcknowledgedAgainButStoredOnce() throws Exception {
    start();
    try (MllpClient client = new MllpClient(port)) {
      String message = adt("RXN", "DUP-1", "A01", "W1^^^RXN02");
      assertThat(Ack.parse(client.send(message)).code()).isEqualTo("AA");
      assertThat(Ack.parse(client.send(message.replace("20241101120000", "20241101120500"))).code()).isEqualTo("AA");
      Ack reused = Ack.parse(client.send(adt("RXN", "DUP-1", "A01", "W2^^^RXN02")));
      assertThat(reused.code()).isEqualTo("AE");
      assertThat(reused.errorCode()).isEqualTo("205");
      assertThat(reused.text()).contains("DUP-1 was already used for a different message");
    }
    assertThat(outbox.attempts).hasSize(1);
  }

  @Test
  void aReSendWhileTheFirstIsInFlightWaitsForItInsteadOfStoringTwice() throws Exception {
    start();
    outbox.mode = FakeOutbox.Mode.HOLD;
    String message = adt("RXN", "RACE-1", "A01", "W1^^^RXN02");
    try (MllpClient first = new MllpClient(port); MllpClient second = new MllpClient(port)) {
      first.write(MllpClient.frame(message.getBytes(StandardCharsets.UTF_8)));
      Runnable release = outbox.held.poll(10, TimeUnit.SECONDS);
      second.write(MllpClient.frame(message.getBytes(StandardCharsets.UTF_8)));
      assertThat(second.silentFor(Duration.ofMillis(300))).isTrue();
      release.run();
      assertThat(Ack.parse(first.readAck()).code()).isEqualTo("AA");
      assertThat(Ack.parse(second.readAck()).code()).isEqualTo("AA");
    }
    assertThat(outbox.attempts).hasSize(1);
  }

  @Test
  void pipelinedMessagesAreAnsweredAndStoredInOrder() throws Exception {
    start();
    ByteArrayOutputStream burst = new ByteArrayOutputStream();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add("PIPE-" + i);
      burst.write(MllpClient.frame(adt("RXN", "PIPE-" + i, i % 2 == 0 ? "A01" : "A02", "W" + i + "^^^RXN02")
          .getBytes(StandardCharsets.UTF_8)));
    }
    try (MllpClient client = new MllpClient(port)) {
      client.write(burst.toByteArray());
      List<String> acked = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Ack ack = Ack.parse(client.readAck());
        assertThat(ack.code()).isEqualTo("AA");
        acked.add(ack.controlId());
      }
      assertThat(acked).containsExactlyElementsOf(ids);
    }
    assertThat(outbox.stored).extracting(e -> e.data().messageId()).containsExactlyElementsOf(ids);
  }

  @Test
  void aMessageTricklingInByteByByteIsAssembled() throws Exception {
    start();
    try (MllpClient client = new MllpClient(port)) {
      for (byte b : MllpClient.frame(adt("RXL", "SLOW-1", "A03", "W1^^^RXL01").getBytes(StandardCharsets.UTF_8))) {
        client.write(new byte[] {b});
      }
      assertThat(Ack.parse(client.readAck()).code()).isEqualTo("AA");
    }
  }

  @Test
  void refusalsAreCountedAndRecordedAgainstAKnownSenderOnly() throws Exception {
    start();
    try (MllpClient client = new MllpClient(port)) {
      Ack cross = Ack.parse(client.send(adt("RXN", "X-1", "A01", "W1^^^RXL01")));
      assertThat(cross.code()).isEqualTo("AR");
      assertThat(cross.text()).contains("site RXL01 belongs to RXL");
      Ack unknown = Ack.parse(client.send(adt("NOBODY", "X-2", "A01", "W1^^^RXL01")));
      assertThat(unknown.code()).isEqualTo("AR");
      assertThat(unknown.text()).isEqualTo("unknown sending facility NOBODY; ask for it to be registered");
    }
    assertThat(outbox.rejections).singleElement().satisfies(r -> {
      assertThat(r.orgCode()).isEqualTo("RXN");
      assertThat(r.feed()).isEqualTo("hl7-adt");
      assertThat(r.status()).isEqualTo("AR");
      assertThat(r.reason()).contains("RXL01");
    });
    assertThat(count("rejected")).isEqualTo(2);
    assertThat(outbox.attempts).isEmpty();
  }

  @Test
  void applicationAndAddressRegistrationsAreEnforced() throws Exception {
    Path file = dir.resolve("senders.yaml");
    Files.writeString(file, """
        senders:
          - facility: RXN
            applications: [LORENZO]
            organisations: [RXN]
            defaultSite: RXN02
          - facility: RXL
            organisations: [RXL]
            addresses: [10.0.0.0/8]
        """);
    start(Hl7Config.demo(0), Hl7Senders.fromFile(file));
    try (MllpClient client = new MllpClient(port)) {
      Ack wrongApp = Ack.parse(client.send(adt("RXN", "APP-1", "A01", "W1")));
      assertThat(wrongApp.text()).isEqualTo("sending application PAS is not registered for facility RXN");
      Ack rightApp = Ack.parse(client.send(adt("RXN", "APP-2", "A01", "W1").replace("|PAS|", "|lorenzo|")));
      assertThat(rightApp.code()).isEqualTo("AA");
      Ack wrongPlace = Ack.parse(client.send(adt("RXL", "ADDR-1", "A01", "W1^^^RXL01")));
      assertThat(wrongPlace.code()).isEqualTo("AR");
      assertThat(wrongPlace.text()).isEqualTo("facility RXL may not send from 127.0.0.1");
    }
    assertThat(outbox.stored).singleElement().satisfies(e -> assertThat(e.data().siteCode()).isEqualTo("RXN02"));
  }

  @Test
  void anOversizedMessageIsRefusedAndOnlyItsConnectionClosed() throws Exception {
    start(new Hl7Config("127.0.0.1", 0, 2_048, Hl7Config.DEMO_STAY_REF_SECRET, null), Hl7Senders.demo());
    try (MllpClient big = new MllpClient(port); MllpClient other = new MllpClient(port)) {
      String huge = adt("RXN", "BIG-1", "A01", "W1^^^RXN02") + "ZZZ|" + "x".repeat(4_000) + "\r";
      big.write(MllpClient.frame(huge.getBytes(StandardCharsets.UTF_8)));
      Ack ack = Ack.parse(big.readAck());
      assertThat(ack.code()).isEqualTo("AR");
      assertThat(ack.controlId()).isEqualTo("BIG-1");
      assertThat(ack.text()).contains("larger than 2048 bytes");
      assertThat(big.closedByPeer()).isTrue();
      assertThat(Ack.parse(other.send(adt("RXN", "SMALL-1", "A01", "W1^^^RXN02"))).code()).isEqualTo("AA");
    }
    assertThat(outbox.rejections).singleElement().satisfies(r -> assertThat(r.orgCode()).isEqualTo("RXN"));
  }

  @Test
  void closingTheListenerReleasesThePort() throws Exception {
    start();
    listener.close().await();
    listener = null;
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      try (java.net.ServerSocket reuse = new java.net.ServerSocket(port)) {
        assertThat(reuse.getLocalPort()).isEqualTo(port);
      }
    });
  }
}
