package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** MLLP framing both ways, and a missing listener costs a count, not the simulation. */
class MllpClientTest {

  static final Outbound.Hl7Message ADMIT = new Outbound.Hl7Message("RXN", Instant.parse("2026-11-23T10:00:00Z"),
      "RXN02X1", Hl7Adt.message(Hl7Adt.Trigger.A01, "RXN", "RXN02X1", Instant.parse("2026-11-23T10:00:00Z"),
          new Hl7Adt.Location("W01", "B1", "3", "RXN02"), null, "RXN02VX1", "E"));

  @Test
  void sendsAFramedMessageAndReadsTheFramedAcknowledgement() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<Void> listener = CompletableFuture.runAsync(() -> answer(server, received, "AA"));
      try (MllpClient client = new MllpClient("localhost", server.getLocalPort(), Duration.ofSeconds(5))) {
        String ack = client.send(ADMIT.text());
        assertThat(MllpClient.ackCode(ack)).isEqualTo("AA");
      }
      listener.get();
    }
    assertThat(received).containsExactly(ADMIT.text());
  }

  @Test
  void withNoListenerMessagesAreCountedAsFailedAndTheSenderCarriesOn() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    SimulatorStats stats = new SimulatorStats(false);
    try (Hl7Sender sender = new Hl7Sender("localhost", port, stats, 2)) {
      sender.send(ADMIT);
      sender.send(ADMIT);
      await().atMost(Duration.ofSeconds(10)).until(() -> stats.pending() == 0);
    }
    assertThat(stats.counts().get(Hl7Sender.CHANNEL)).isEqualTo(new SimulatorStats.Counts(2, 0, 0, 2));
  }

  private static void answer(ServerSocket server, List<String> received, String code) {
    try (Socket socket = server.accept()) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      assertThat(in.read()).isEqualTo(MllpClient.START_BLOCK);
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      for (int b = in.read(); b != MllpClient.END_BLOCK; b = in.read()) {
        message.write(b);
      }
      assertThat(in.read()).isEqualTo(MllpClient.CARRIAGE_RETURN);
      received.add(message.toString(StandardCharsets.UTF_8));
      out.write(MllpClient.START_BLOCK);
      out.write(("MSH|^~\\&|GC|GC|SIMPAS|RXN|20261123100000||ACK^A01^ACK|1|P|2.5.1\rMSA|" + code + "|RXN02X1\r")
          .getBytes(StandardCharsets.UTF_8));
      out.write(MllpClient.END_BLOCK);
      out.write(MllpClient.CARRIAGE_RETURN);
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
