package org.goldcommand.ingest.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers ADT messages over MLLP, one connection per trust (each trust's PAS has its own), in
 * the order the trust sent them: a trust always uses the same lane, and a lane sends one message
 * at a time and waits for its ACK. A few lanes run side by side so that many trusts do not queue
 * behind one. A refused connection is counted as failed and retried with the next message, so the
 * simulator runs on when no listener is there.
 */
final class Hl7Sender implements AutoCloseable {

  static final String CHANNEL = "hl7-adt";

  private final String host;
  private final int port;
  private final SimulatorStats stats;
  private final List<ExecutorService> lanes = new ArrayList<>();
  private final List<Map<String, MllpClient>> connections = new ArrayList<>();

  Hl7Sender(String host, int port, SimulatorStats stats, int laneCount) {
    this.host = host;
    this.port = port;
    this.stats = stats;
    for (int i = 0; i < laneCount; i++) {
      int lane = i;
      lanes.add(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-mllp-" + lane);
        t.setDaemon(true);
        return t;
      }));
      connections.add(new HashMap<>());
    }
  }

  /** Queues a message on its trust's lane. */
  void send(Outbound.Hl7Message message) {
    stats.generated(CHANNEL, 1);
    int lane = Math.floorMod(message.orgCode().hashCode(), lanes.size());
    lanes.get(lane).execute(() -> deliver(connections.get(lane), message));
  }

  private void deliver(Map<String, MllpClient> open, Outbound.Hl7Message message) {
    try {
      MllpClient client = open.get(message.orgCode());
      if (client == null) {
        client = new MllpClient(host, port, Duration.ofSeconds(10));
        open.put(message.orgCode(), client);
      }
      String code = MllpClient.ackCode(client.send(message.text()));
      if (code.equals("AA") || code.equals("CA")) {
        stats.accepted(CHANNEL, 1, List.of(message.controlId()));
      } else {
        stats.refused(CHANNEL, 1, "MSA-1 " + code + " for " + message.controlId());
      }
    } catch (IOException e) {
      stats.failed(CHANNEL, 1, "MLLP " + host + ":" + port + ": " + e);
      MllpClient broken = open.remove(message.orgCode());
      if (broken != null) {
        try {
          broken.close();
        } catch (IOException ignored) {
          // the connection is being dropped anyway
        }
      }
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < lanes.size(); i++) {
      Map<String, MllpClient> open = connections.get(i);
      lanes.get(i).execute(() -> {
        for (MllpClient client : open.values()) {
          try {
            client.close();
          } catch (IOException ignored) {
            // closing at shutdown
          }
        }
        open.clear();
      });
      lanes.get(i).shutdown();
    }
    for (ExecutorService lane : lanes) {
      try {
        lane.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
