package org.goldcommand.ingest.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.goldcommand.events.serde.Json;

/**
 * Posts to ingest over HTTP with the feed's API key, as the trusts' systems do: NDJSON batches,
 * JSON arrays or single JSON objects by feed, and FHIR Encounters one by one. Requests run
 * concurrently up to a limit; past it the caller waits, so a slow ingest slows the simulation
 * instead of piling up requests.
 */
final class IngestClient {

  /** Records per request, well under ingest's limit of 10,000. */
  static final int BATCH = 1_000;
  static final String FHIR_CHANNEL = "fhir-encounter";

  private final URI base;
  private final String apiKey;
  private final SimulatorStats stats;
  private final Semaphore inFlight;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  IngestClient(URI base, String apiKey, SimulatorStats stats, int maxInFlight) {
    this.base = base;
    this.apiKey = apiKey;
    this.stats = stats;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** Sends one organisation's records of one feed, in order, batched as the feed expects. */
  void send(Feed feed, List<Object> records) throws InterruptedException {
    stats.generated(feed.feedName(), records.size());
    int size = feed.body() == Feed.Body.SINGLE ? 1 : BATCH;
    for (int from = 0; from < records.size(); from += size) {
      List<Object> batch = records.subList(from, Math.min(records.size(), from + size));
      byte[] body;
      try {
        body = body(feed.body(), batch);
      } catch (JsonProcessingException e) {
        stats.refused(feed.feedName(), batch.size(), "cannot be written as JSON: " + e.getOriginalMessage());
        continue;
      }
      post(feed.feedName(), feed.path(), feed.body() == Feed.Body.NDJSON ? "application/x-ndjson" : "application/json",
          body, batch.size());
    }
  }

  /** Sends one FHIR Encounter. */
  void sendFhir(String encounter) throws InterruptedException {
    stats.generated(FHIR_CHANNEL, 1);
    post(FHIR_CHANNEL, "/fhir/Encounter", "application/fhir+json", encounter.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);
  }

  private void post(String channel, String path, String contentType, byte[] body, int records)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", contentType)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    inFlight.acquire();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
      inFlight.release();
      if (error != null) {
        stats.failed(channel, records, base.resolve(path) + ": " + error);
      } else if (response.statusCode() >= 200 && response.statusCode() < 300) {
        stats.accepted(channel, records, receipts(response.body()));
      } else if (response.statusCode() >= 500 || response.statusCode() == 404) {
        stats.failed(channel, records, response.statusCode() + " from " + path + ": " + response.body());
      } else {
        stats.refused(channel, records, response.statusCode() + " from " + path + ": " + response.body());
      }
    });
  }

  private static byte[] body(Feed.Body shape, List<Object> batch) throws JsonProcessingException {
    if (shape == Feed.Body.SINGLE) {
      return Json.mapper().writeValueAsBytes(batch.get(0));
    }
    if (shape == Feed.Body.ARRAY) {
      return Json.mapper().writeValueAsBytes(batch);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 160);
    for (Object record : batch) {
      out.writeBytes(Json.mapper().writeValueAsBytes(record));
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static List<String> receipts(String body) {
    List<String> ids = new ArrayList<>();
    try {
      JsonNode answer = Json.mapper().readTree(body);
      if (answer != null && answer.has("ids")) {
        answer.get("ids").forEach(id -> ids.add(id.asText()));
      }
    } catch (JsonProcessingException e) {
      return ids;
    }
    return ids;
  }
}
