package org.goldcommand.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.DemoTokens;
import org.goldcommand.testkit.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product, every hop real: a sitrep posted over HTTP with a demo key reaches a WebSocket
 * subscriber with its figures and lands in PostgreSQL, once, however often it is re-sent; and raw
 * feed events (a sitrep, an ED snapshot, ambulance handovers) push a trust to OPEL 4, which raises
 * one alert on the wall's alerts channel that a person acknowledges over REST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneEndToEndIT {

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  Standalone standalone;
  StandaloneConfig config;
  HistoryRepository history;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    config = StandaloneConfig.from(new Settings(Map.of(
        "GC_DATA_DIR", data.toString(),
        "GC_KAFKA_PORT", Integer.toString(freePort()),
        "GC_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()),
        "GC_POSTGRES_PORT", Integer.toString(freePort()),
        "GC_DASHBOARD_PORT", "0", "GC_INGEST_PORT", "0", "GC_STREAMS_PORT", "0", "GC_HL7_PORT", "0",
        "GC_SIMULATOR_INTERVAL_MS", "0", "GC_SCENARIO_SPEED", "0")));
    standalone = Standalone.start(config);
    history = new HistoryRepository(HistoryDatabase.dataSource(
        "jdbc:postgresql://localhost:" + config.postgresPort() + "/postgres", "postgres", "postgres"));
  }

  @AfterAll
  void stop() {
    standalone.close();
  }

  /**
   * A port for a process a test starts, never the same twice in this JVM, chosen below Linux's
   * ephemeral range (32768 and up): a port from {@code new ServerSocket(0)} comes from that range,
   * and between choosing it and the started process binding it, an outgoing connection (the
   * process's own Kafka clients, say) could take it, which failed a run with "Address already in
   * use".
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (HANDED_OUT.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new IOException("No free port between 20000 and 32000");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return socket.getLocalPort() == port;
    } catch (IOException inUse) {
      return false;
    }
  }

  @Test
  void aPostedSitrepReachesTheWallWithinTwoSecondsAndTheDatabaseOnce() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get(standalone.dashboardPort(), "/ready") == 200
        && get(standalone.ingestPort(), "/ready") == 200);
    WsClient socket = new WsClient(standalone.dashboardPort(), DemoTokens.token(standalone.dashboardPort(), "viewer-lsc"));
    socket.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RXL\"}}");

    // The first record after start-up opens every transactional partition and repartition topic on
    // its way; the 2 s is the steady state a command room lives in, so time the second.
    String warmUp = UUID.randomUUID().toString();
    assertThat(post(("{\"submissionId\": \"%s\", \"orgCode\": \"RXL\", \"asAt\": \"%s\", \"beds\": "
        + "{\"gaCoreOpen\": 690, \"gaOccupied\": 600}}").formatted(warmUp,
        Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS))).statusCode()).isEqualTo(202);
    socket.next(m -> "update".equals(m.getString("kind")) && Double.valueOf(87.0).equals(occupancy(m)),
        Duration.ofSeconds(30));

    String submission = UUID.randomUUID().toString();
    String sitrep = """
        {"submissionId": "%s", "orgCode": "RXL", "asAt": "%s",
         "beds": {"gaCoreOpen": 690, "gaEscalationOpen": 10, "gaOccupied": 683,
                  "adultCriticalCareOpen": 22, "adultCriticalCareOccupied": 21}}
        """.formatted(submission, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    long posted = System.nanoTime();
    assertThat(post(sitrep).statusCode()).isEqualTo(202);

    JsonObject update = socket.next(m -> "update".equals(m.getString("kind")) && Double.valueOf(97.6).equals(occupancy(m)),
        Duration.ofSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - posted);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(update.getJsonObject("data").getString("orgName")).isEqualTo("Blackpool");

    socket.close();

    assertThat(post(sitrep).statusCode()).as("a re-sent submission is accepted again").isEqualTo(202);
    String marker = UUID.randomUUID().toString();
    // A return that changes a figure is published; one that changes nothing would not be.
    assertThat(post(sitrep.replace(submission, marker).replace("\"gaOccupied\": 683", "\"gaOccupied\": 684"))
        .statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15)).until(() -> history.trustPressureCount("pressure.trust/sitrep/RXL/" + marker) == 1);
    String eventId = "sitrep/RXL/" + submission;
    assertThat(history.sitrepCount(eventId)).as("stored once").isEqualTo(1);
    assertThat(history.trustPressureCount("pressure.trust/" + eventId)).as("counted once").isEqualTo(1);
    assertThat(history.sitrep(eventId)).hasValueSatisfying(s -> assertThat(s.gaOccupied()).isEqualTo(683));
  }

  @Test
  void rawFeedEventsRaiseATrustToOpelFourAndItsAlertReachesTheWallToBeAcknowledged() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get(standalone.dashboardPort(), "/ready") == 200
        && get(standalone.ingestPort(), "/ready") == 200);
    WsClient pressure = new WsClient(standalone.dashboardPort(), DemoTokens.token(standalone.dashboardPort(), "viewer-lsc"));
    pressure.send("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\",\"filter\":{\"org\":\"RTX\"}}");
    WsClient alerts = new WsClient(standalone.dashboardPort(), DemoTokens.token(standalone.dashboardPort(), "viewer-lsc"));
    alerts.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"filter\":{\"org\":\"RTX\"}}");
    alerts.next(m -> "snapshot".equals(m.getString("kind")), Duration.ofSeconds(10));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // Every parameter at level 4: beds full with escalation open, critical care over capacity,
    // a quarter of beds with no criteria to reside, staff absence 9%; the ED at 160% with a
    // quarter of its patients over 12 hours and 4-hour performance at 40%; handovers of 90 minutes.
    assertThat(post("/v1/sitreps", "application/json", """
        {"submissionId": "%s", "orgCode": "RTX", "asAt": "%s",
         "beds": {"gaCoreOpen": 600, "gaEscalationOpen": 40, "gaOccupied": 640,
                  "adultCriticalCareOpen": 16, "adultCriticalCareOccupied": 17},
         "discharge": {"nctr": 150}, "staffAbsencePct": 9.0}
        """.formatted(UUID.randomUUID(), now)).statusCode()).isEqualTo(202);
    assertThat(post("/v1/ed/snapshots", "application/json", """
        {"siteCode": "RTX02", "asAt": "%s", "patientsInDepartment": 80, "edCapacity": 50, "over4h": 50,
         "over12h": 20, "decisionToAdmitWaiting": 30, "dtaOver8h": 10, "attendancesSinceMidnight": 200,
         "breachesSinceMidnight": 120}
        """.formatted(now)).statusCode()).isEqualTo(202);
    String incident = "E2E-" + UUID.randomUUID();
    assertThat(post("/v1/ambulance/handovers", "application/x-ndjson", """
        {"incidentId": "%1$s", "siteCode": "RTX02", "event": "ARRIVED", "at": "%2$s"}
        {"incidentId": "%1$s", "siteCode": "RTX02", "event": "HANDED_OVER", "at": "%3$s"}
        """.formatted(incident, now.minus(Duration.ofMinutes(90)), now)).statusCode()).isEqualTo(202);

    JsonObject opel4 = pressure.next(m -> "update".equals(m.getString("kind"))
        && Integer.valueOf(4).equals(m.getJsonObject("data").getInteger("opelLevel")), Duration.ofSeconds(30));
    assertThat(opel4.getJsonObject("data").getDouble("score")).isGreaterThanOrEqualTo(75.0);

    JsonObject raised = alerts.next(m -> "update".equals(m.getString("kind"))
        && "trust-opel-4".equals(m.getJsonObject("data").getString("ruleId")), Duration.ofSeconds(30));
    JsonObject alert = raised.getJsonObject("data");
    assertThat(alert.getString("state")).isEqualTo("RAISED");
    assertThat(alert.getString("orgCode")).isEqualTo("RTX");
    assertThat(alert.getString("message")).contains("OPEL 4");
    assertThat(alert.getJsonObject("action").getJsonArray("steps")).isNotEmpty();

    String alertId = alert.getString("alertId");
    HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + standalone.dashboardPort() + "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8)
            + "/acknowledge"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + DemoTokens.token(standalone.dashboardPort(), "lead-lsc"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"note\": \"Divert reviewed\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
    JsonObject acknowledged = alerts.next(m -> "update".equals(m.getString("kind"))
        && alertId.equals(m.getJsonObject("data").getString("alertId"))
        && "ACKNOWLEDGED".equals(m.getJsonObject("data").getString("state")), Duration.ofSeconds(30));
    assertThat(acknowledged.getJsonObject("data").getString("acknowledgedBy")).startsWith("Sam Okafor");
    pressure.close();
    alerts.close();
  }

  static Double occupancy(JsonObject update) {
    return update.getJsonObject("data").getJsonArray("measures").stream()
        .map(JsonObject.class::cast).filter(m -> "gaOccupancyPct".equals(m.getString("name")))
        .map(m -> m.getDouble("value")).findFirst().orElse(null);
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.ingestPort() + "/v1/sitreps"))
        .header("Authorization", "Bearer demo-key-rxl").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts as Morecambe Bay's feed. */
  HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.ingestPort() + path))
        .header("Authorization", "Bearer demo-key-rtx").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  int get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
