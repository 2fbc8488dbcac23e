package org.goldcommand.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Measures the embedded default as a new user meets it: launches the standalone jar as its own
 * process on a fresh data folder, and times how long until {@code /ready} answers 200 on
 * dashboard-api and ingest, and until a WebSocket subscriber has seen a tile for each of the four
 * Lancashire and South Cumbria trusts. Reports the process's peak resident memory (VmHWM).
 *
 * <p>Run from the repository root after {@code mvn -DskipTests install}:
 * {@code java -cp "bench/target/classes" org.goldcommand.bench.StartToFirstTile}
 */
public final class StartToFirstTile {

  private static final Set<String> TRUSTS = Set.of("RXN", "RXL", "RXR", "RTX");

  private StartToFirstTile() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("gold-command-bench");
    ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", "standalone/target/gold-command-standalone.jar")
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("out.log").toFile());
    builder.environment().put("GC_DATA_DIR", data.toString());
    builder.environment().put("GC_SIMULATOR_INTERVAL_MS", "2000");
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      waitReady(http, 8080);
      waitReady(http, 8081);
      double ready = seconds(start);
      double tiles = firstTiles(http, start);
      long peakKb = peakRssKb(process.pid());
      System.out.printf("ready (dashboard-api and ingest /ready = 200): %.1f s%n", ready);
      System.out.printf("first tile for each of %s on the WebSocket: %.1f s%n", TRUSTS, tiles);
      System.out.printf("peak resident memory so far (VmHWM): %d MiB%n", peakKb / 1024);
      System.out.printf("embedded PostgreSQL processes, resident now (VmRSS summed; shared pages counted per process): %d MiB%n",
          postgresRssKb() / 1024);
      Thread.sleep(60_000);
      System.out.printf("peak resident memory after one more minute of simulation: %d MiB%n",
          peakRssKb(process.pid()) / 1024);
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static void waitReady(HttpClient http, int port) throws InterruptedException {
    URI uri = URI.create("http://localhost:" + port + "/ready");
    while (true) {
      try {
        if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
  }

  private static double firstTiles(HttpClient http, long start) {
    Set<String> seen = new HashSet<>();
    CompletableFuture<Double> all = new CompletableFuture<>();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:8080/ws"), new WebSocket.Listener() {
      final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
        partial.append(text);
        if (last) {
          String message = partial.toString();
          partial.setLength(0);
          TRUSTS.stream().filter(t -> message.contains("\"orgCode\":\"" + t + "\"")).forEach(seen::add);
          if (seen.containsAll(TRUSTS)) {
            all.complete(seconds(start));
          }
        }
        ws.request(1);
        return null;
      }
    }).join();
    socket.sendText("{\"op\":\"subscribe\",\"channel\":\"pressure.trust\"}", true).join();
    double at = all.join();
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    return at;
  }

  /** The embedded PostgreSQL detaches from the JVM, so its processes are found by name (run on a machine with no other PostgreSQL). */
  private static long postgresRssKb() throws IOException {
    long total = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        Path cmdline = proc.resolve("cmdline");
        if (!proc.getFileName().toString().matches("\\d+") || !Files.isReadable(cmdline)) {
          continue;
        }
        try {
          String command = new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8);
          if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
            total += Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).sum();
          }
        } catch (IOException e) {
          // the process ended while being read
        }
      }
    }
    return total;
  }

  private static long peakRssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
