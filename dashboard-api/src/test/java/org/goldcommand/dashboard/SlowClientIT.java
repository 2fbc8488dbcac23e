package org.goldcommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.awaitility.Awaitility.await;

/**
 * A wall screen that stops reading must not hold up anyone else, nor make the server hold every
 * missed update: it is sent the latest value per key when it reads again.
 */
@ExtendWith(RealKafka.class)
class SlowClientIT {

  static final int UPDATES = 600;
  static final String PADDING = "x".repeat(20_000);

  @ParameterizedTest(name = "batched: {0}")
  @ValueSource(booleans = {false, true})
  void aClientThatNeverReadsDoesNotSlowAFastOneAndLaterGetsTheLatestValues(boolean batched, KafkaBroker broker)
      throws Exception {
    String subscribe = "{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"batch\":" + batched + "}";
    broker.createTopics(Topics.all());
    PrometheusMeterRegistry registry = Observability.registry("slow-client-test");
    Vertx vertx = Vertx.vertx();
    DashboardService dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers()))), registry);
    String prefix = "SLOW" + UUID.randomUUID().toString().substring(0, 4);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "acks", "1", "max.request.size", 2_000_000), Topics.TRUST_PRESSURE.keySerde().serializer(),
        Topics.TRUST_PRESSURE.valueSerde().serializer())) {
      dashboard.start().await();
      ConcurrentLinkedQueue<JsonObject> slowReceived = new ConcurrentLinkedQueue<>();
      WebSocket[] slowSocket = new WebSocket[1];
      slowSocket[0] = HttpClient.newHttpClient().newWebSocketBuilder()
          .header("Authorization", "Bearer " + DemoTokens.token(dashboard.port(), "admin")).buildAsync(
          URI.create("ws://localhost:" + dashboard.port() + "/ws"), new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket ws) {
              ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
              partial.append(text);
              if (last) {
                slowReceived.add(new JsonObject(partial.toString()));
                partial.setLength(0);
              }
              return null;
            }
          }).join();
      slowSocket[0].sendText(subscribe, true).join();

      try (WsClient fast = new WsClient(dashboard.port(), DemoTokens.token(dashboard.port(), "admin"))) {
        fast.send(subscribe);
        fast.next(m -> "snapshot".equals(m.getString("kind")), Duration.ofSeconds(10));
        Map<String, Double> finalValues = new HashMap<>();
        for (int i = 0; i < UPDATES; i++) {
          String org = prefix + (i % 4);
          double value = i;
          finalValues.put(org, value);
          Instant at = Instant.now();
          TrustPressure pressure = new TrustPressure(org, PADDING, "QE1", at,
              List.of(new Measure("gaOccupancyPct", "G&A occupancy", value, "%", at)), null, null, null);
          producer.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), org, Envelope.of("slow-" + i, "/test",
              "org.goldcommand.pressure.trust.v1", org, at, at, pressure)));
        }
        producer.flush();
        String lastOrg = prefix + ((UPDATES - 1) % 4);
        fast.next(m -> changes(m).stream().anyMatch(c -> lastOrg.equals(c.getString("key"))
            && occupancy(c) == UPDATES - 1), Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(10)).until(() ->
            registry.find("gc.ws.messages.conflated").counter().count() > 0);
        if (!batched) {
          Timer pushLatency = registry.find("gc.ws.push.latency").timer();
          assertThat(pushLatency.count()).as("every live frame to the fast client is timed")
              .isGreaterThanOrEqualTo(UPDATES);
        }
        assertThat(registry.scrape()).contains("gc_ws_push_latency_seconds_bucket");

        slowSocket[0].request(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          Map<String, Double> latestSeen = new HashMap<>();
          for (JsonObject m : new ArrayList<>(slowReceived)) {
            for (JsonObject change : changes(m)) {
              if (change.getString("key").startsWith(prefix)) {
                latestSeen.put(change.getString("key"), occupancy(change));
              }
            }
          }
          assertThat(latestSeen).isEqualTo(finalValues);
        });
        long slowUpdates = slowReceived.stream().mapToLong(m -> changes(m).size()).sum();
        assertThat(slowUpdates).as("conflated, so fewer than every update").isLessThan(UPDATES);
      }
      slowSocket[0].abort();
    } finally {
      dashboard.close();
      vertx.close().await();
    }
  }

  /** The changes a message carries: an update itself, the items of an updates message, else none. */
  static List<JsonObject> changes(JsonObject message) {
    if ("update".equals(message.getString("kind"))) {
      return List.of(message);
    }
    if ("updates".equals(message.getString("kind"))) {
      return message.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }
    return List.of();
  }

  static double occupancy(JsonObject update) {
    return update.getJsonObject("data").getJsonArray("measures").getJsonObject(0).getDouble("value");
  }

  @Test
  void aClientThatStopsAnsweringPingsIsClosedAndWhatWasHeldForItIsDroppedAndCounted(KafkaBroker broker)
      throws Exception {
    broker.createTopics(Topics.all());
    PrometheusMeterRegistry registry = Observability.registry("quiet-client-test");
    Vertx vertx = Vertx.vertx();
    DashboardService dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_WS_HEARTBEAT_SECONDS", "1"))), registry);
    String prefix = "QUIET" + UUID.randomUUID().toString().substring(0, 4);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "acks", "1", "max.request.size", 2_000_000), Topics.TRUST_PRESSURE.keySerde().serializer(),
        Topics.TRUST_PRESSURE.valueSerde().serializer())) {
      dashboard.start().await();
      try (RawWebSocket frozen = RawWebSocket.open(dashboard.port(), DemoTokens.token(dashboard.port(), "admin"))) {
        frozen.sendText("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("gc.ws.clients").gauge().value() == 1);
        for (int i = 0; i < UPDATES; i++) {
          String org = prefix + (i % 4);
          Instant at = Instant.now();
          TrustPressure pressure = new TrustPressure(org, PADDING, "QE1", at,
              List.of(new Measure("gaOccupancyPct", "G&A occupancy", i, "%", at)), null, null, null);
          producer.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), org, Envelope.of("quiet-" + i, "/test",
              "org.goldcommand.pressure.trust.v1", org, at, at, pressure)));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          assertThat(registry.find("gc.ws.clients").gauge().value()).as("closed for not answering pings").isZero();
          assertThat(registry.find("gc.ws.messages.dropped").counter().count()).isPositive();
        });
      }
    } finally {
      dashboard.close();
      vertx.close().await();
    }
  }
}
