package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.streams.StreamsService;
import org.goldcommand.streams.StreamsServiceConfig;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The topology end to end on a real broker with exactly-once processing. */
@ExtendWith(RealKafka.class)
class TrustOccupancyTopologyIT {

  @Test
  void sitrepsEdSnapshotsAndBedStatesOnTheBrokerBecomeTrustPressureOnceEachWithExactlyOnce(KafkaBroker broker,
      @TempDir Path state)
      throws Exception {
    broker.createTopics(Topics.all());
    PrometheusMeterRegistry registry = Observability.registry("streams-test");
    Vertx vertx = Vertx.vertx();
    StreamsServiceConfig config = StreamsServiceConfig.from(new Settings(Map.of(
        "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_STREAMS_APPLICATION_ID", "trust-occupancy-it-" + UUID.randomUUID(),
        "GC_STREAMS_STATE_DIR", state.toString(),
        "GC_STREAMS_PORT", "0")));
    String submission = UUID.randomUUID().toString();
    try (StreamsService service = new StreamsService(vertx, config, registry);
         var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
             "acks", "all"), Topics.SITREPS.keySerde().serializer(), Topics.SITREPS.valueSerde().serializer());
         var edProducer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
             "acks", "all"), Topics.ED_SNAPSHOTS.keySerde().serializer(), Topics.ED_SNAPSHOTS.valueSerde().serializer());
         var bedProducer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
             "acks", "all"), Topics.BED_STATES.keySerde().serializer(), Topics.BED_STATES.valueSerde().serializer());
         var pressure = new TopicReader<>(broker, Topics.TRUST_PRESSURE)) {
      service.start().await();
      await().atMost(Duration.ofSeconds(30)).until(service::running);

      var sitrep = TrustOccupancyTopologyTest.sitrep("RTX", submission, 650);
      producer.send(new ProducerRecord<>(Topics.SITREPS.name(), "RTX", sitrep)).get();
      producer.send(new ProducerRecord<>(Topics.SITREPS.name(), "RTX", sitrep)).get();
      String marker = UUID.randomUUID().toString();
      producer.send(new ProducerRecord<>(Topics.SITREPS.name(), "RTX",
          TrustOccupancyTopologyTest.sitrep("RTX", marker, 640))).get();

      Envelope<TrustPressure> out = pressure.await(r -> r.value().id().endsWith(submission), Duration.ofSeconds(30))
          .value();
      assertThat(out.data().measure("gaOccupancyPct")).map(Measure::value).contains(90.3);
      pressure.await(r -> r.value().id().endsWith(marker), Duration.ofSeconds(30));
      assertThat(pressure.seen()).filteredOn(r -> r.value().id().endsWith(submission)).hasSize(1);

      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Envelope<EdSnapshot> snapshot = EdFiguresTopologyTest.snapshot("RTX03", now, 60, 50, 3, 120, 40);
      edProducer.send(new ProducerRecord<>(Topics.ED_SNAPSHOTS.name(), "RTX03", snapshot)).get();
      Envelope<TrustPressure> ed = pressure.await(r -> r.value().id().equals("pressure.trust/ed/" + snapshot.id()),
          Duration.ofSeconds(30)).value();
      assertThat(ed.data().measure("edOccupancyPct")).hasValueSatisfying(m -> {
        assertThat(m.value()).isEqualTo(120.0);
        assertThat(m.level()).isEqualTo(3);
      });
      assertThat(ed.data().measure("fourHourPct")).map(Measure::level).contains(3);

      Envelope<BedState> ward = BedFiguresTopologyTest.state("RTX03", "W" + marker.substring(0, 8), BedType.GA, now,
          40, 39, 0);
      bedProducer.send(new ProducerRecord<>(Topics.BED_STATES.name(), "RTX03", ward)).get();
      Envelope<TrustPressure> beds = pressure.await(r -> r.value().id().equals("pressure.trust/beds/" + ward.id()),
          Duration.ofSeconds(30)).value();
      assertThat(beds.data().measure("gaOccupancyPct")).as("the bed state is newer than the sitrep")
          .hasValueSatisfying(m -> {
            assertThat(m.value()).isEqualTo(97.5);
            assertThat(m.level()).isEqualTo(4);
          });
      assertThat(beds.data().measure("edOccupancyPct")).map(Measure::level).contains(3);

      HttpResponse<String> metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("kafka_stream_");
    } finally {
      vertx.close().await();
    }
  }
}
