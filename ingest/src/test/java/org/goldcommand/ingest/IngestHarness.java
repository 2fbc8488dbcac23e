package org.goldcommand.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;

/** Runs a real ingest service against a broker, with the demo keys, and posts to it over HTTP. */
public final class IngestHarness implements AutoCloseable {

  final Vertx vertx;
  final IngestService service;
  final PrometheusMeterRegistry registry = Observability.registry("ingest-test");
  private final HttpClient http = HttpClient.newHttpClient();

  public IngestHarness(String bootstrapServers) {
    vertx = Vertx.vertx();
    IngestConfig config = IngestConfig.from(new Settings(Map.of(
        "GC_PROFILE", "demo", "GC_INGEST_PORT", "0", "GC_HL7_PORT", "0", "GC_KAFKA_BOOTSTRAP", bootstrapServers,
        "GC_INGEST_MAX_BODY_BYTES", "65536")));
    service = new IngestService(vertx, config, registry);
    service.start().await();
  }

  public HttpResponse<String> post(String path, String key, String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postSitrep(String key, String body) throws IOException, InterruptedException {
    return post("/v1/sitreps", key, "application/json", body);
  }

  public HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    service.close();
    vertx.close().await();
  }
}
