package org.goldcommand.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.events.alerts.Alert;
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

/** The {@code alerts} live channel of a running dashboard-api against a real broker. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsChannelIT {

  static final Duration WAIT = Duration.ofSeconds(20);

  Vertx vertx;
  DashboardService dashboard;
  KafkaProducer<String, Alert> producer;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(KafkaBroker broker) {
    broker.createTopics(Topics.all());
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
        Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
    vertx = Vertx.vertx();
    dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_WEBHOOK_CONSUMER_GROUP", "alerts-channel-it"))), Observability.registry("dashboard-test"));
    dashboard.start().await();
    await().atMost(WAIT).until(() -> get("/ready").statusCode() == 200);
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

  void publish(Alert alert) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.key(), alert)).get();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path))
        .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFilteredSubscriberGetsOnlyItsSystemsAlertsThenEachStep() throws Exception {
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"filter\":{\"ics\":\"QB1\"}}");
      client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);

      publish(AlertsFixture.raised("QB9", "RB9", Instant.now()));
      Alert mine = AlertsFixture.raised("QB1", "RB1", Instant.now());
      publish(mine);
      JsonObject raised = client.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(raised.getString("key")).isEqualTo(mine.key());
      assertThat(raised.getJsonObject("data").getString("state")).isEqualTo("RAISED");
      assertThat(raised.getJsonObject("data").getString("severity")).isEqualTo("CRITICAL");

      publish(AlertsFixture.resolved(mine, Instant.now()));
      JsonObject resolved = client.next(m -> "update".equals(m.getString("kind")), WAIT);
      assertThat(resolved.getString("key")).isEqualTo(mine.key());
      assertThat(resolved.getJsonObject("data").getString("resolvedBy")).isEqualTo("gold-command");
    }
    try (WsClient byTrust = new WsClient(dashboard.port(), token())) {
      byTrust.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"filter\":{\"org\":\"RB1\"}}");
      JsonObject snapshot = byTrust.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      assertThat(snapshot.getJsonArray("items")).hasSize(1);
      assertThat(snapshot.getJsonArray("items").getJsonObject(0).getJsonObject("data").getString("state"))
          .isEqualTo("RESOLVED");
    }
  }

  @Test
  void anAlertResolvedLongerAgoThanTheRetentionLeavesTheSnapshot() throws Exception {
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    Alert old = AlertsFixture.raised("QB2", "RB2", twoDaysAgo);
    publish(old);
    publish(AlertsFixture.resolved(old, twoDaysAgo.plus(Duration.ofHours(1))));
    Alert open = AlertsFixture.raised("QB2", "RB3", twoDaysAgo);
    publish(open);

    await().atMost(WAIT).until(() -> get("/api/v1/alerts?ics=QB2&state=all").body().contains(open.alertId()));
    await().atMost(WAIT).until(() -> !get("/api/v1/alerts?ics=QB2&state=all").body().contains(old.alertId()));
    try (WsClient client = new WsClient(dashboard.port(), token())) {
      client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"filter\":{\"ics\":\"QB2\"}}");
      JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      assertThat(snapshot.getJsonArray("items")).hasSize(1);
      assertThat(snapshot.getJsonArray("items").getJsonObject(0).getString("key")).isEqualTo(open.key());
    }
  }

  @Test
  void theWallCarriesTheAlertTickerAndTheSystemTrend() throws Exception {
    assertThat(get("/wall").body()).contains("id=\"alert-list\"").contains("id=\"system-trend\"");
    assertThat(get("/pages/wall.js").body()).contains("'alerts'").contains("RISING FAST");
  }
}
