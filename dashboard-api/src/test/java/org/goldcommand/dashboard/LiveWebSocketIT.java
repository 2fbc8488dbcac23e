package org.goldcommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveWebSocketIT {

  static final Duration WAIT = Duration.ofSeconds(10);

  Vertx vertx;
  DashboardService dashboard;
  KafkaProducer<String, Envelope<TrustPressure>> producer;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(KafkaBroker broker) {
    broker.createTopics(Topics.all());
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
        Topics.TRUST_PRESSURE.keySerde().serializer(), Topics.TRUST_PRESSURE.valueSerde().serializer());
    PrometheusMeterRegistry registry = Observability.registry("dashboard-test");
    vertx = Vertx.vertx();
    dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        // A long batching period, so a batched subscriber can join while one is under way.
        "GC_WS_BATCH_MILLIS", "1000"))), registry);
    dashboard.start().await();
  }

  String token() {
    return DemoTokens.token(dashboard.port(), "admin");
  }

  @AfterAll
  void stop() {
    producer.close();
    dashboard.close();
    vertx.close().await();
  }

  void publish(String org, String system, double occupancy) throws Exception {
    send(org, system, occupancy).get();
  }

  static double occupancy(JsonObject data) {
    return data.getJsonArray("measures").getJsonObject(0).getDouble("value");
  }

  @Test
  void aSubscriberGetsASnapshotThenNumberedUpdates() throws Exception {
    publish("RXN", "QE1", 91.0);
    await().atMost(WAIT).until(() -> get("/ready").statusCode() == 200);
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\"}");
      JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      assertThat(snapshot.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("key"))).contains("RXN");
      long seq = snapshot.getLong("seq");

      publish("RXN", "QE1", 97.5);
      JsonObject update = client.next(m -> "update".equals(m.getString("kind")) && "RXN".equals(m.getString("key")), WAIT);
      assertThat(update.getString("channel")).isEqualTo("pressure.trust");
      assertThat(update.getLong("seq")).isGreaterThan(seq);
      assertThat(occupancy(update.getJsonObject("data"))).isEqualTo(97.5);
      assertThat(update.getJsonObject("data").getString("updatedAt")).isNotBlank();
    }
  }

  @Test
  void aFilterLimitsTheChannelToOneSystemOrTrust() throws Exception {
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"ics\":\"QE1\"}}");
      client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      publish("ELSEWHERE", "QXX", 80.0);
      publish("RXL", "QE1", 88.0);
      JsonObject update = client.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(update.getString("key")).isEqualTo("RXL");
    }
  }

  @Test
  void aClientThatReconnectsResumesFromItsLastSequenceWithNoGap() throws Exception {
    long lastSeen;
    String epoch;
    WsClient client = new WsClient(dashboard.port(), token());
    try (WsClient watcher = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RXR\"}}");
      JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      lastSeen = snapshot.getLong("seq");
      epoch = snapshot.getString("epoch");
      client.close();
      watcher.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RXR\"}}");
      watcher.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      publish("RXR", "QE1", 90.0);
      publish("RXR", "QE1", 92.0);
      watcher.next(m -> "update".equals(m.getString("kind")) && occupancy(m.getJsonObject("data")) == 92.0, WAIT);
    }
    try (WsClient resumed = new WsClient(dashboard.port(), token())) {
      resumed.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RXR\"},\"fromSeq\":"
          + lastSeen + ",\"epoch\":\"" + epoch + "\"}");
      JsonObject first = resumed.next(m -> "update".equals(m.getString("kind")), WAIT);
      JsonObject second = resumed.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(occupancy(first.getJsonObject("data"))).isEqualTo(90.0);
      assertThat(occupancy(second.getJsonObject("data"))).isEqualTo(92.0);
      assertThat(second.getLong("seq")).isGreaterThan(first.getLong("seq"));
      JsonObject resumedAt = resumed.next(m -> "resumed".equals(m.getString("kind")), WAIT);
      assertThat(resumedAt.getInteger("replayed")).isEqualTo(2);
      assertThat(resumedAt.getLong("seq")).isGreaterThanOrEqualTo(second.getLong("seq"));
    }
  }

  @Test
  void aBatchedSubscriberGetsEveryChangeInOrderSeveralToAMessageAndResumesTheSameWay() throws Exception {
    String subscribe = "{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RBT\"},"
        + "\"batch\":true";
    long lastSeen;
    String epoch;
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send(subscribe + "}");
      JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      lastSeen = snapshot.getLong("seq");
      epoch = snapshot.getString("epoch");
      for (int i = 1; i <= 5; i++) {
        send("RBT", "QE1", 80.0 + i);
      }
      producer.flush();
      List<JsonObject> messages = new ArrayList<>();
      List<JsonObject> items = new ArrayList<>();
      while (items.size() < 5) {
        JsonObject message = client.next(m -> "updates".equals(m.getString("kind")), WAIT);
        messages.add(message);
        message.getJsonArray("items").forEach(item -> items.add((JsonObject) item));
        assertThat(message.getLong("seq")).isEqualTo(items.get(items.size() - 1).getLong("seq"));
      }
      assertThat(items).extracting(item -> occupancy(item.getJsonObject("data")))
          .containsExactly(81.0, 82.0, 83.0, 84.0, 85.0);
      assertThat(items).extracting(item -> item.getLong("seq")).isSorted().doesNotHaveDuplicates()
          .allMatch(seq -> seq > lastSeen);
      assertThat(messages).as("five changes sent together arrive in fewer messages").hasSizeLessThan(5);
    }
    try (WsClient resumed = new WsClient(dashboard.port(), token())) {
      resumed.send(subscribe + ",\"fromSeq\":" + lastSeen + ",\"epoch\":\"" + epoch + "\"}");
      JsonObject replay = resumed.next(m -> "updates".equals(m.getString("kind")), WAIT);
      assertThat(replay.getJsonArray("items").stream().map(i -> occupancy(((JsonObject) i).getJsonObject("data"))))
          .containsExactly(81.0, 82.0, 83.0, 84.0, 85.0);
      assertThat(resumed.next(m -> "resumed".equals(m.getString("kind")), WAIT).getInteger("replayed")).isEqualTo(5);
      resumed.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"batch\":\"yes\"}");
      assertThat(resumed.next(m -> "error".equals(m.getString("op")), WAIT).getString("code")).isEqualTo("bad-batch");
    }
  }

  @Test
  void aBatchedSubscriberJoiningWhileAPeriodIsUnderWayGetsOnlyChangesAfterItsSnapshot() throws Exception {
    String subscribe = "{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RMP\"}";
    try (WsClient early = new WsClient(dashboard.port(), token());
        WsClient unbatched = new WsClient(dashboard.port(), token())) {
      early.send(subscribe + ",\"batch\":true}");
      early.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      unbatched.send(subscribe + "}");
      unbatched.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      publish("RMP", "QE1", 70.0);
      unbatched.next(m -> "update".equals(m.getString("kind")) && occupancy(m.getJsonObject("data")) == 70.0, WAIT);
      try (WsClient late = new WsClient(dashboard.port(), token())) {
        late.send(subscribe + ",\"batch\":true}");
        JsonObject snapshot = late.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
        assertThat(occupancy(snapshot.getJsonArray("items").getJsonObject(0).getJsonObject("data"))).isEqualTo(70.0);
        publish("RMP", "QE1", 71.0);
        JsonObject updates = late.next(m -> "updates".equals(m.getString("kind")), WAIT);
        assertThat(updates.getJsonArray("items").stream().map(i -> (JsonObject) i))
            .as("only what came after the snapshot, never the period's earlier change again")
            .allSatisfy(item -> assertThat(item.getLong("seq")).isGreaterThan(snapshot.getLong("seq")))
            .extracting(item -> occupancy(item.getJsonObject("data"))).containsExactly(71.0);
      }
    }
  }

  Future<?> send(String org, String system, double occupancy) {
    Instant at = Instant.now();
    TrustPressure pressure = new TrustPressure(org, org + " trust", system, at,
        List.of(new Measure("gaOccupancyPct", "G&A occupancy", occupancy, "%", at)), null, null, null);
    return producer.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), org, Envelope.of(
        UUID.randomUUID().toString(), "/test", "org.goldcommand.pressure.trust.v1", org, at, at, pressure)));
  }

  @Test
  void badRequestsGetClearErrorsAndTheConnectionStaysUsable() throws Exception {
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("not json");
      assertThat(client.next(m -> "error".equals(m.getString("op")), WAIT).getString("code")).isEqualTo("bad-json");
      client.send("{\"op\":\"subscribe\",\"channel\":\"weather\"}");
      JsonObject unknown = client.next(m -> "error".equals(m.getString("op")), WAIT);
      assertThat(unknown.getString("code")).isEqualTo("unknown-channel");
      assertThat(unknown.getString("message")).contains("pressure.trust");
      client.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"trust\":\"RXN\"}}");
      assertThat(client.next(m -> "error".equals(m.getString("op")), WAIT).getString("message")).contains("trust");
      client.send("{\"op\":\"ping\"}");
      assertThat(client.next(m -> "pong".equals(m.getString("op")), WAIT)).isNotNull();
    }
  }

  @Test
  void feedStatusIsALiveChannelToo(KafkaBroker broker) throws Exception {
    try (var statusProducer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "acks", "all"), Topics.FEED_STATUS.keySerde().serializer(), Topics.FEED_STATUS.valueSerde().serializer());
         WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"feeds.status\",\"filter\":{\"ics\":\"QE1\"}}");
      client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      Instant now = Instant.now();
      statusProducer.send(new ProducerRecord<>(Topics.FEED_STATUS.name(), "RTX/cold-chain", new FeedStatus("RTX", "QE1",
          "cold-chain", now, now, 12, 3, now, "400 bad field", LocalDate.now()))).get();
      JsonObject update = client.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(update.getString("key")).isEqualTo("RTX/cold-chain");
      assertThat(update.getJsonObject("data").getLong("rejectedToday")).isEqualTo(3);
    }
  }

  @Test
  void systemPressureIsALiveChannel(KafkaBroker broker) throws Exception {
    try (var systemProducer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
        "acks", "all"), Topics.SYSTEM_PRESSURE.keySerde().serializer(), Topics.SYSTEM_PRESSURE.valueSerde().serializer());
         WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"pressure.system\",\"filter\":{\"ics\":\"QE9\"}}");
      client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      Instant now = Instant.now();
      SystemPressure system = new SystemPressure("QE9", now, 51.8, 3, 4,
          List.of(new SystemPressure.TrustPart("RTX", 80.0, 4, 670)), "v",
          new SystemPressure.Trend(12.5, 20.0, true));
      systemProducer.send(new ProducerRecord<>(Topics.SYSTEM_PRESSURE.name(), "QE9", Envelope.of("s1", "/test",
          "org.goldcommand.pressure.system.v1", "QE9", now, now, system))).get();
      JsonObject update = client.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(update.getJsonObject("data").getInteger("highestTrustLevel")).isEqualTo(4);
      assertThat(update.getJsonObject("data").getDouble("score")).isEqualTo(51.8);
    }
  }

  @Test
  void theWallPageAndOpsEndpointsAreServed() throws Exception {
    HttpResponse<String> wall = get("/wall");
    assertThat(wall.statusCode()).isEqualTo(200);
    assertThat(wall.body()).contains("Gold Command").contains("/pages/wall.js");
    assertThat(get("/pages/wall.js").body()).contains("pressure.trust");
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("gc_ws_clients");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
