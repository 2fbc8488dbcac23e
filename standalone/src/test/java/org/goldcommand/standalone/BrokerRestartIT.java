package org.goldcommand.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.IngestConfig;
import org.goldcommand.ingest.IngestService;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker outage as a trust's feed lives through it, on a broker that keeps its log on disk:
 * what ingest acknowledged before the outage is still there after it, nothing is acknowledged
 * while the broker is down, and the same submission goes through once the broker is back.
 */
class BrokerRestartIT {

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void nothingIsAcknowledgedWhileTheBrokerIsDownAndNothingAcknowledgedBeforeIsLost(@TempDir Path data)
      throws Exception {
    int port = StandaloneEndToEndIT.freePort();
    int controller = StandaloneEndToEndIT.freePort();
    EmbeddedKafka kafka = new EmbeddedKafka(data, port, controller);
    Vertx vertx = Vertx.vertx();
    IngestService ingest = new IngestService(vertx, IngestConfig.from(new Settings(Map.of("GC_PROFILE", "demo",
        "GC_INGEST_PORT", "0", "GC_HL7_PORT", "0", "GC_KAFKA_BOOTSTRAP", kafka.bootstrapServers()))),
        Observability.registry("restart-test"));
    try {
      ingest.start().await();
      String before = UUID.randomUUID().toString();
      String during = UUID.randomUUID().toString();
      assertThat(post(ingest, before).statusCode()).isEqualTo(202);

      kafka.close();
      HttpResponse<String> refused = post(ingest, during);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains(during);

      kafka = new EmbeddedKafka(data, port, controller);
      await().atMost(Duration.ofSeconds(60)).until(() -> post(ingest, during).statusCode() == 202);

      List<String> stored = sitrepsOnTheTopic(kafka.bootstrapServers());
      assertThat(stored.stream().filter(s -> s.contains("\"sitrep/RXN/" + before + "\""))).hasSize(1);
      assertThat(stored.stream().filter(s -> s.contains("\"sitrep/RXN/" + during + "\""))).isNotEmpty();
    } finally {
      ingest.close();
      vertx.close().await();
      kafka.close();
    }
  }

  HttpResponse<String> post(IngestService ingest, String submissionId) throws Exception {
    String body = """
        {"submissionId":"%s","orgCode":"RXN","asAt":"%s","beds":{"gaCoreOpen":870,"gaOccupied":850}}
        """.formatted(submissionId, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ingest.port() + "/v1/sitreps"))
        .header("Authorization", "Bearer demo-key-rxn").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> sitrepsOnTheTopic(String bootstrap) {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
        "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.SITREPS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      List<String> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
      }
      return values;
    }
  }
}
