package org.goldcommand.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.goldcommand.testkit.DemoTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar {@code ./run.sh} runs, as a new user runs it: its own process, only what its manifest
 * class path brings. The other tests run on Maven's test class path, which once hid a library the
 * packaged jar lacked; this one starts the real artefact and asks it for the wall and the alerts.
 */
class PackagedJarIT {

  @Test
  void thePackagedJarStartsServesTheWallAndStopsCleanly(@TempDir Path data) throws Exception {
    Path jar = Path.of("target", "gold-command-standalone.jar");
    assertThat(jar).exists();
    int dashboard = StandaloneEndToEndIT.freePort();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-jar", jar.toString()).redirectErrorStream(true);
    builder.environment().putAll(java.util.Map.of("GC_DATA_DIR", data.toString(),
        "GC_KAFKA_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_KAFKA_CONTROLLER_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_POSTGRES_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_DASHBOARD_PORT", Integer.toString(dashboard), "GC_INGEST_PORT", Integer.toString(StandaloneEndToEndIT.freePort()),
        "GC_STREAMS_PORT", "0", "GC_HL7_PORT", "0", "GC_SCENARIO_SPEED", "0"));
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          synchronized (output) {
            output.append(line).append('\n');
          }
        }
      } catch (java.io.IOException e) {
        // The process has gone; what it printed is already kept.
      }
    }, "packaged-jar-output");
    reader.setDaemon(true);
    reader.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> !process.isAlive() || (status(http, dashboard, "/ready") == 200 && printed(output)));
      synchronized (output) {
        assertThat(status(http, dashboard, "/ready")).as("dashboard /ready; output:%n%s", output).isEqualTo(200);
        assertThat(printed(output)).as("printed its banner; output:%n%s", output).isTrue();
      }
      assertThat(status(http, dashboard, "/wall")).isEqualTo(200);
      assertThat(status(http, dashboard, "/api/v1/alerts")).as("not signed in").isEqualTo(401);
      String token = DemoTokens.token(dashboard, "viewer-lsc");
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard + "/api/v1/alerts"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
          .as("signed in as a demo person").isEqualTo(200);
    } finally {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(Files.exists(data.resolve("postgres"))).as("kept its data in GC_DATA_DIR").isTrue();
  }

  private static boolean printed(StringBuilder output) {
    synchronized (output) {
      return output.indexOf("Gold Command is running") >= 0;
    }
  }

  private static int status(HttpClient http, int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
