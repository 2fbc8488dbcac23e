package org.goldcommand.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.dashboard.alerts.AlertsFixture;
import org.goldcommand.dashboard.auth.AuthSettings;
import org.goldcommand.dashboard.auth.LocalIssuer;
import org.goldcommand.dashboard.auth.PersonClaims;
import org.goldcommand.dashboard.auth.Role;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.history.HistorySink;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.RealPostgres;
import org.goldcommand.testkit.TestDatabase;
import org.goldcommand.testkit.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint and every live channel, tried by every kind of person, and by no token, an expired
 * one, one for another service and one signed by someone else. dashboard-api runs as in production:
 * it fetches its keys from an identity provider's JWKS URL (here a small server in the test holding
 * the signing key), so the path a real deployment takes is the one tested. The expected answers
 * are written out below as a table, not derived from the code under test.
 */
@ExtendWith({RealKafka.class, RealPostgres.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String ISSUER = LocalIssuer.ISSUER;
  static final String AUDIENCE = AuthSettings.DEFAULT_AUDIENCE;

  /** The people, in the table's column order. */
  static final List<String> PEOPLE = List.of("viewer", "lead", "pharmacist", "feeds", "admin", "elsewhere");

  /** Expected status per endpoint and person; {opel} and {fridge} are the two seeded alerts. */
  static final String ENDPOINTS = """
      GET  /api/v1/me                               200 200 200 200 200 200
      GET  /api/v1/pressure/trusts                  200 200 403 403 200 200
      GET  /api/v1/pressure/trusts/RXN              200 200 403 403 200 404
      GET  /api/v1/pressure/trusts/RXN/history      200 200 403 403 200 404
      GET  /api/v1/pressure/systems                 200 200 403 403 200 200
      GET  /api/v1/pressure/systems/QE1             200 200 403 403 200 404
      GET  /api/v1/pressure/systems/QE1/history     200 200 403 403 200 404
      GET  /api/v1/feeds                            200 200 200 200 200 200
      GET  /api/v1/audit                            403 403 403 403 200 403
      GET  /api/v1/alerts                           200 200 200 200 200 200
      GET  /api/v1/alerts/{opel}                    200 200 404 404 200 404
      GET  /api/v1/alerts/{fridge}                  200 200 200 404 200 404
      POST /api/v1/alerts/{opel}/acknowledge        403 202 404 404 202 403
      POST /api/v1/alerts/{fridge}/acknowledge      403 202 202 404 202 403
      POST /api/v1/alerts/{opel}/resolve            403 202 404 404 202 403
      POST /api/v1/grafana-alerts                   401 401 401 401 401 401
      """;

  /** Whether each person may subscribe to each channel (ok) or is refused (forbidden). */
  static final String CHANNELS = """
      pressure.trust     ok        ok  forbidden forbidden ok  ok
      pressure.system    ok        ok  forbidden forbidden ok  ok
      alerts             ok        ok  ok        ok        ok  ok
      mutual-aid         ok        ok  forbidden forbidden ok  ok
      vaccine.stock      forbidden ok  ok        forbidden ok  forbidden
      vaccine.movements  forbidden ok  ok        forbidden ok  forbidden
      feeds.status       ok        ok  ok        ok        ok  ok
      """;

  Vertx vertx;
  HttpServer identityProvider;
  LocalIssuer issuer;
  DashboardService dashboard;
  PrometheusMeterRegistry registry;
  HistorySink sink;
  final Map<String, String> tokens = new LinkedHashMap<>();
  final HttpClient http = HttpClient.newHttpClient();
  Alert opel;
  Alert fridge;

  @BeforeAll
  void start(KafkaBroker broker, TestDatabase database) throws Exception {
    broker.createTopics(Topics.all());
    new HistoryDatabase(database.dataSource()).migrate();
    sink = new HistorySink(broker.bootstrapServers(), database.dataSource());
    sink.start();
    vertx = Vertx.vertx();
    issuer = new LocalIssuer(vertx);
    identityProvider = vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("content-type", "application/json")
            .end(new JsonObject().put("keys", new JsonArray().add(issuer.publicJwk())).encode()))
        .listen(0, "127.0.0.1").await();
    registry = Observability.registry("authorization-matrix");
    dashboard = new DashboardService(vertx, DashboardConfig.from(new Settings(Map.of(
        "GC_DASHBOARD_PORT", "0", "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_JWT_JWKS_URL", "http://127.0.0.1:" + identityProvider.actualPort() + "/jwks.json",
        "GC_JWT_ISSUER", ISSUER, "GC_WEBHOOK_CONSUMER_GROUP", "authorization-matrix-it",
        "GC_GRAFANA_WEBHOOK_TOKEN", "grafana-secret-for-the-test",
        "GC_DB_URL", database.jdbcUrl(), "GC_DB_USER", database.user(), "GC_DB_PASSWORD", database.password()))),
        registry);
    dashboard.start().await();
    Instant later = Instant.now().plusSeconds(3_600);
    tokens.put("viewer", token("viewer-1", Role.VIEWER, Set.of("QE1"), Set.of(), later));
    tokens.put("lead", token("lead-1", Role.SYSTEM_LEAD, Set.of("QE1"), Set.of(), later));
    tokens.put("pharmacist", token("pharmacist-1", Role.PHARMACIST, Set.of(), Set.of("RXN2H"), later));
    tokens.put("feeds", token("feeds-1", Role.FEED_ADMIN, Set.of("QE1"), Set.of(), later));
    tokens.put("admin", token("admin-1", Role.ADMIN, Set.of("*"), Set.of(), later));
    tokens.put("elsewhere", token("viewer-9", Role.VIEWER, Set.of("QE9"), Set.of(), later));
    seed(broker);
    await().atMost(WAIT).until(() -> get("/ready", null).statusCode() == 200);
    await().atMost(WAIT).until(() -> get("/api/v1/alerts/" + encoded(fridge), tokens.get("admin")).statusCode() == 200
        && get("/api/v1/pressure/trusts/RXN", tokens.get("admin")).statusCode() == 200);
  }

  @AfterAll
  void stop() throws Exception {
    sink.close();
    dashboard.close();
    vertx.close().await();
  }

  String token(String id, Role role, Set<String> systems, Set<String> sites, Instant expiresAt) {
    return issuer.issue(PersonClaims.of(id, id, Set.of(role), systems, sites), AUDIENCE, expiresAt);
  }

  void seed(KafkaBroker broker) throws Exception {
    Instant now = Instant.now();
    opel = AlertsFixture.raised("QE1", "RXN", now);
    fridge = AlertsFixture.coldChain("QE1", "RXN", "RXN2H", now);
    try (var alerts = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
        Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
         var pressure = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
             Topics.TRUST_PRESSURE.keySerde().serializer(), Topics.TRUST_PRESSURE.valueSerde().serializer());
         var systems = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
             Topics.SYSTEM_PRESSURE.keySerde().serializer(), Topics.SYSTEM_PRESSURE.valueSerde().serializer())) {
      alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), opel.key(), opel)).get();
      alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), fridge.key(), fridge)).get();
      TrustPressure rxn = new TrustPressure("RXN", "Lancashire Teaching", "QE1", now,
          List.of(new Measure("gaOccupancyPct", "G&A occupancy", 97.0, "%", now)), null, null, null);
      pressure.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), "RXN", Envelope.of("p-rxn", "/test",
          "org.goldcommand.pressure.trust.v1", "RXN", now, now, rxn))).get();
      var qe1 = new org.goldcommand.events.pressure.SystemPressure("QE1", now, 61.0, 3, 3,
          List.of(new org.goldcommand.events.pressure.SystemPressure.TrustPart("RXN", 61.0, 3, 870)), "v", null);
      systems.send(new ProducerRecord<>(Topics.SYSTEM_PRESSURE.name(), "QE1", Envelope.of("s-qe1", "/test",
          "org.goldcommand.pressure.system.v1", "QE1", now, now, qe1))).get();
    }
  }

  @Test
  void everyEndpointAnswersEachPersonAsTheTableSays() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (String[] row : rows(ENDPOINTS)) {
      for (int i = 0; i < PEOPLE.size(); i++) {
        int status = send(row[0], path(row[1]), tokens.get(PEOPLE.get(i))).statusCode();
        if (status != Integer.parseInt(row[2 + i])) {
          mismatches.add(row[0] + " " + row[1] + " as " + PEOPLE.get(i) + ": " + status + ", expected " + row[2 + i]);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void noTokenAnExpiredOneOneForAnotherServiceAndAForeignOneAreAllRefusedEverywhere() throws Exception {
    LocalIssuer stranger = new LocalIssuer(vertx);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("no token", null);
    bad.put("expired", token("lead-1", Role.SYSTEM_LEAD, Set.of("QE1"), Set.of(), Instant.now().minusSeconds(120)));
    bad.put("another service", issuer.issue(PersonClaims.of("lead-1", "lead", Set.of(Role.ADMIN), Set.of("*"),
        Set.of()), "someone-else", Instant.now().plusSeconds(600)));
    bad.put("foreign", stranger.issue(PersonClaims.of("admin-1", "admin", Set.of(Role.ADMIN), Set.of("*"), Set.of()),
        AUDIENCE, Instant.now().plusSeconds(600)));
    bad.put("not a token", "not.a.token");
    List<String> let = new ArrayList<>();
    for (var token : bad.entrySet()) {
      for (String[] row : rows(ENDPOINTS)) {
        HttpResponse<String> answer = send(row[0], path(row[1]), token.getValue());
        if (answer.statusCode() != 401) {
          let.add(row[0] + " " + row[1] + " with " + token.getKey() + ": " + answer.statusCode());
        } else if (!row[1].contains("grafana")) {
          assertThat(new JsonObject(answer.body()).getJsonArray("violations").getJsonObject(0).getString("path"))
              .isEqualTo("Authorization");
        }
      }
      assertThat(upgradeStatus(token.getValue())).as("WebSocket upgrade with " + token.getKey()).isEqualTo(401);
    }
    assertThat(let).isEmpty();
  }

  @Test
  void everyChannelAnswersEachPersonAsTheTableSays() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (String[] row : rows(CHANNELS)) {
      for (int i = 0; i < PEOPLE.size(); i++) {
        try (WsClient client = new WsClient(dashboard.port(), tokens.get(PEOPLE.get(i)))) {
          client.send(new JsonObject().put("op", "subscribe").put("channel", row[0]).encode());
          JsonObject answer = client.next(m -> "snapshot".equals(m.getString("kind")) || "error".equals(m.getString("op")),
              WAIT);
          String got = "snapshot".equals(answer.getString("kind")) ? "ok" : answer.getString("code");
          if (!got.equals(row[1 + i])) {
            mismatches.add(row[0] + " as " + PEOPLE.get(i) + ": " + got + ", expected " + row[1 + i]);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void eachPersonSeesOnlyWhatIsInTheirScopeAndTheirRolesKinds() throws Exception {
    assertThat(snapshotKeys("viewer", "alerts")).contains(opel.key(), fridge.key());
    assertThat(snapshotKeys("pharmacist", "alerts")).containsExactly(fridge.key());
    assertThat(snapshotKeys("feeds", "alerts")).isEmpty();
    assertThat(snapshotKeys("elsewhere", "alerts")).isEmpty();
    assertThat(snapshotKeys("viewer", "pressure.trust")).contains("RXN");
    assertThat(snapshotKeys("elsewhere", "pressure.trust")).doesNotContain("RXN");
    assertThat(snapshotKeys("elsewhere", "pressure.system")).doesNotContain("QE1");
    assertThat(new JsonObject(get("/api/v1/pressure/trusts", tokens.get("elsewhere")).body()).getInteger("count"))
        .isZero();
    assertThat(new JsonObject(get("/api/v1/alerts?state=all", tokens.get("pharmacist")).body())
        .getJsonArray("alerts").stream().map(a -> ((JsonObject) a).getString("alertId")).toList())
        .containsExactly(fridge.alertId());
  }

  @Test
  void aPersonsStepIsAuditedWithWhoTheTokenSaysTheyAreAndOnlyAnAdminCanReadIt() throws Exception {
    HttpResponse<String> step = send("POST", "/api/v1/alerts/" + encoded(opel) + "/acknowledge",
        tokens.get("lead"), "{\"note\":\"Gold call at 10:00\"}");
    assertThat(step.statusCode()).isEqualTo(202);
    String commandId = new JsonObject(step.body()).getString("commandId");
    await().atMost(WAIT).untilAsserted(() -> {
      HttpResponse<String> audit = get("/api/v1/audit?targetType=alert&targetId=" + encoded(opel), tokens.get("admin"));
      assertThat(audit.statusCode()).isEqualTo(200);
      JsonObject entry = new JsonObject(audit.body()).getJsonArray("entries").stream().map(JsonObject.class::cast)
          .filter(e -> commandId.equals(e.getString("id"))).findFirst().orElseThrow();
      assertThat(entry.getString("actor")).isEqualTo("lead-1");
      assertThat(entry.getString("role")).isEqualTo("system-lead");
      assertThat(entry.getString("action")).isEqualTo("alert.acknowledge");
    });
  }

  List<String> snapshotKeys(String person, String channel) throws Exception {
    try (WsClient client = new WsClient(dashboard.port(), tokens.get(person))) {
      client.send(new JsonObject().put("op", "subscribe").put("channel", channel).encode());
      JsonObject snapshot = client.next(m -> "snapshot".equals(m.getString("kind")), WAIT);
      return snapshot.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("key")).toList();
    }
  }

  static List<String[]> rows(String table) {
    return table.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")).toList();
  }

  String path(String template) {
    return template.replace("{opel}", encoded(opel)).replace("{fridge}", encoded(fridge));
  }

  static String encoded(Alert alert) {
    return URLEncoder.encode(alert.alertId(), StandardCharsets.UTF_8);
  }

  int upgradeStatus(String token) {
    try (WsClient opened = new WsClient(dashboard.port(), token)) {
      return opened.closeCode() == null ? 101 : opened.closeCode();
    } catch (CompletionException e) {
      return e.getCause() instanceof WebSocketHandshakeException refused ? refused.getResponse().statusCode() : -1;
    }
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token);
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    return send(method, path, token, method.equals("POST") ? "{}" : null);
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
