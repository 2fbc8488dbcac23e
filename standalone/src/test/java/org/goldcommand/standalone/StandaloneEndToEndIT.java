package org.goldcommand.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.goldcommand.history.HistoryDatabase;
import org.goldcommand.history.HistoryRepository;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole skeleton, every hop real: a sitrep posted over HTTP with a demo key reaches a WebSocket
 * subscriber with its figures and lands in PostgreSQL, once, however often it is re-sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneEndToEndIT {

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

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aPostedSitrepReachesTheWallWithinTwoSecondsAndTheDatabaseOnce() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> get(standalone.dashboardPort(), "/ready") == 200
        && get(standalone.ingestPort(), "/ready") == 200);
    WsClient socket = new WsClient(standalone.dashboardPort());
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
    assertThat(post(sitrep.replace(submission, marker)).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15)).until(() -> history.trustPressureCount("pressure.trust/sitrep/RXL/" + marker) == 1);
    String eventId = "sitrep/RXL/" + submission;
    assertThat(history.sitrepCount(eventId)).as("stored once").isEqualTo(1);
    assertThat(history.trustPressureCount("pressure.trust/" + eventId)).as("counted once").isEqualTo(1);
    assertThat(history.sitrep(eventId)).hasValueSatisfying(s -> assertThat(s.gaOccupied()).isEqualTo(683));
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

  int get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
