package org.goldcommand.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.dashboard.DashboardConfig;
import org.goldcommand.dashboard.DashboardService;
import org.goldcommand.dashboard.auth.AuthSettings;
import org.goldcommand.dashboard.auth.Authentication;
import org.goldcommand.dashboard.auth.LocalIssuer;
import org.goldcommand.dashboard.auth.PersonClaims;
import org.goldcommand.dashboard.auth.Role;
import org.goldcommand.dashboard.auth.TokenVerifier;
import org.goldcommand.dashboard.live.LiveChannel;
import org.goldcommand.dashboard.live.LiveJson;
import org.goldcommand.dashboard.webhooks.WebhookSignature;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The alerts REST API and webhooks of a running dashboard-api against a real broker. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsApiIT {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String SECRET = "api-test-webhook-secret";

  record Received(MultiMap headers, String body) {}

  Vertx vertx;
  DashboardService dashboard;
  KafkaProducer<String, Alert> producer;
  KafkaBroker broker;
  final List<Received> webhook = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(KafkaBroker broker, @TempDir Path dir) throws Exception {
    this.broker = broker;
    broker.createTopics(Topics.all());
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
        Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
    vertx = Vertx.vertx();
    HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      webhook.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body.toString()));
      req.response().setStatusCode(204).end();
    })).listen(0, "127.0.0.1").await();
    Path subscriptions = dir.resolve("subscriptions.yaml");
    Files.writeString(subscriptions, """
        version: api-test-1
        subscriptions:
          - id: qa1-leads
            role: system-lead
            systems: [QA1]
            minimumSeverity: WARNING
            delivery:
              webhook: {url: "http://127.0.0.1:%d/hook", secretEnv: GC_TEST_WEBHOOK_SECRET}
        """.formatted(receiver.actualPort()));
    dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_ALERT_SUBSCRIPTIONS_FILE", subscriptions.toString(), "GC_TEST_WEBHOOK_SECRET", SECRET,
        "GC_WEBHOOK_CONSUMER_GROUP", "alerts-api-it"))), Observability.registry("dashboard-test"));
    dashboard.start().await();
    await().atMost(WAIT).until(() -> send("GET", "/ready", null).statusCode() == 200);
  }

  @AfterAll
  void stop() {
    producer.close();
    dashboard.close();
    vertx.close().await();
  }

  Alert publish(Alert alert) throws Exception {
    producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.key(), alert)).get();
    return alert;
  }

  Alert raisedAndListed(String org) throws Exception {
    Alert alert = publish(AlertsFixture.raised("QA1", org, Instant.now()));
    await().atMost(WAIT).until(() -> send("GET", AlertsFixture.path(alert.alertId()), null).statusCode() == 200);
    return alert;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path))
        .header("Authorization", "Bearer " + (path.startsWith("/api/v1/grafana-alerts")
            ? DashboardConfig.DEMO_GRAFANA_TOKEN : DemoTokens.token(dashboard.port(), "admin")));
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAlertOnTheTopicIsListedReadableAndSentSignedToItsSubscribers() throws Exception {
    Alert alert = raisedAndListed("RA1");

    JsonObject list = new JsonObject(send("GET", "/api/v1/alerts?ics=QA1&state=open", null).body());
    assertThat(list.getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getString("alertId")))
        .contains(alert.alertId());
    assertThat(new JsonObject(send("GET", "/api/v1/alerts?ics=QZ9", null).body()).getInteger("count")).isZero();
    JsonObject one = new JsonObject(send("GET", AlertsFixture.path(alert.alertId()), null).body());
    assertThat(one.getString("message")).contains("81 of 100");
    assertThat(one.getJsonObject("action").getJsonArray("steps")).isNotEmpty();

    await().atMost(WAIT).until(() -> webhook.stream().anyMatch(r -> r.body().contains(alert.alertId())));
    Received delivered = webhook.stream().filter(r -> r.body().contains(alert.alertId())).findFirst().orElseThrow();
    assertThat(WebhookSignature.verify(SECRET, delivered.headers().get(WebhookSignature.HEADER), delivered.body()))
        .isTrue();
  }

  @Test
  void acknowledgingWritesExactlyOneCommandAndOneAuditEntryThenAnswers202() throws Exception {
    Alert alert = raisedAndListed("RA2");

    HttpResponse<String> answer = send("POST", AlertsFixture.path(alert.alertId()) + "/acknowledge",
        "{\"note\":\"Gold call at 10:00\"}");

    assertThat(answer.statusCode()).isEqualTo(202);
    String commandId = new JsonObject(answer.body()).getString("commandId");
    try (var commands = new TopicReader<>(broker, Topics.ALERT_COMMANDS);
         var audit = new TopicReader<>(broker, Topics.AUDIT)) {
      AlertCommand command = commands.await(r -> r.value().commandId().equals(commandId), WAIT).value();
      assertThat(command.alertId()).isEqualTo(alert.alertId());
      assertThat(command.key()).isEqualTo(alert.key());
      assertThat(command.action()).isEqualTo(AlertCommand.Action.ACKNOWLEDGE);
      assertThat(command.by()).isEqualTo("Alex Morgan, administrator");
      assertThat(command.note()).isEqualTo("Gold call at 10:00");
      AuditEntry entry = audit.await(r -> r.value().id().equals(commandId), WAIT).value();
      assertThat(entry.action()).isEqualTo("alert.acknowledge");
      assertThat(entry.targetType()).isEqualTo("alert");
      assertThat(entry.targetId()).isEqualTo(alert.alertId());
      assertThat(entry.actor()).isEqualTo("admin");
      assertThat(entry.role()).isEqualTo("admin");
      assertThat(entry.details()).containsEntry("name", "Alex Morgan, administrator");
      assertThat(entry.systemCode()).isEqualTo("QA1");
      assertThat(entry.details()).containsEntry("note", "Gold call at 10:00");
      assertThat(settled(commands)).filteredOn(c -> c.alertId().equals(alert.alertId())).hasSize(1);
      assertThat(settled(audit)).filteredOn(a -> a.targetId().equals(alert.alertId())).hasSize(1);
    }
  }

  /** Every value the reader has seen after reading on for another second. */
  static <V> List<V> settled(TopicReader<String, V> reader) {
    try {
      reader.await(r -> false, Duration.ofSeconds(1));
    } catch (AssertionError readOnForASecond) {
      // expected: nothing matches, the reader just keeps reading until the time is up
    }
    return reader.seen().stream().map(ConsumerRecord::value).toList();
  }

  @Test
  void aBodyNamingSomeoneElseIsRefusedNamingTheField() throws Exception {
    Alert alert = raisedAndListed("RA3");
    HttpResponse<String> answer = send("POST", AlertsFixture.path(alert.alertId()) + "/resolve",
        "{\"by\":\"Someone Else\"}");
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(answer.body());
    assertThat(error.getString("error")).isNotBlank();
    assertThat(error.getJsonArray("violations").getJsonObject(0).getString("path")).isEqualTo("by");
    assertThat(send("POST", AlertsFixture.path(alert.alertId()) + "/resolve", "not json").statusCode()).isEqualTo(400);
    HttpResponse<String> tooLarge = send("POST", AlertsFixture.path(alert.alertId()) + "/resolve",
        "{\"note\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(tooLarge.body()).getString("error")).contains("too large");
  }

  @Test
  void anUnknownAlertIs404() throws Exception {
    assertThat(send("GET", AlertsFixture.path("no-such-rule/RXN@1"), null).statusCode()).isEqualTo(404);
    HttpResponse<String> answer = send("POST", AlertsFixture.path("no-such-rule/RXN@1") + "/acknowledge", "{}");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(answer.body()).getString("error")).contains("no-such-rule/RXN@1");
  }

  @Test
  void aResolvedAlertIs409AndOnlyInTheAllList() throws Exception {
    Alert alert = raisedAndListed("RA4");
    publish(AlertsFixture.resolved(alert, Instant.now()));
    await().atMost(WAIT).until(() -> new JsonObject(send("GET", AlertsFixture.path(alert.alertId()), null).body())
        .getString("state").equals("RESOLVED"));

    HttpResponse<String> answer = send("POST", AlertsFixture.path(alert.alertId()) + "/acknowledge", "{}");

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(answer.body()).getString("error")).contains("already resolved");
    assertThat(send("GET", "/api/v1/alerts?org=RA4", null).body()).doesNotContain(alert.alertId());
    assertThat(send("GET", "/api/v1/alerts?org=RA4&state=all", null).body()).contains(alert.alertId());
    assertThat(send("GET", "/api/v1/alerts?state=closed", null).statusCode()).isEqualTo(400);
  }

  @Test
  void grafanaNotificationsAreAccepted() throws Exception {
    HttpResponse<String> answer = send("POST", "/api/v1/grafana-alerts", """
        {"receiver":"dashboard-api","status":"firing","alerts":[{"status":"firing",
         "labels":{"alertname":"Trust G&A occupancy over 95%","org_code":"RXN"},
         "annotations":{"summary":"RXN G&A bed occupancy has been over 95% for 15 minutes"}}]}""");
    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(send("GET", "/metrics", null).body()).contains("gc_grafana_alerts_total");
    assertThat(send("POST", "/api/v1/grafana-alerts", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void whenKafkaCannotTakeTheStepTheAnswerIs503WithRetryAfter() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    LiveChannel channel = new LiveChannel(DashboardService.ALERTS, 10);
    Alert alert = AlertsFixture.raised("QA1", "RA5", Instant.now());
    channel.publish(alert.key(), LiveJson.of(alert));
    LocalIssuer issuer = new LocalIssuer(vertx);
    TokenVerifier verifier = new TokenVerifier(vertx, LocalIssuer.ISSUER, AuthSettings.DEFAULT_AUDIENCE);
    verifier.useKeys(List.of(issuer.publicJwk()));
    String token = issuer.issue(PersonClaims.of("lead", "Sam Lead", Set.of(Role.SYSTEM_LEAD), Set.of("QA1"), Set.of()),
        AuthSettings.DEFAULT_AUDIENCE, Instant.now().plusSeconds(600));
    try (AlertCommandSender unreachable = new AlertCommandSender(vertx, "127.0.0.1:" + deadPort)) {
      Router root = Router.router(vertx);
      root.route("/api/v1/*").handler(new Authentication(verifier).required());
      root.route("/api/v1/alerts*").subRouter(new AlertsRoutes(vertx, channel, unreachable, Clock.systemUTC()).router());
      HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + server.actualPort() + AlertsFixture.path(alert.alertId()) + "/acknowledge"))
            .header("content-type", "application/json").header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(answer.body()).getString("error")).contains("retry");
      } finally {
        server.close().await();
      }
    }
  }
}
