package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.ingest.IngestConfig;
import org.goldcommand.ingest.IngestService;
import org.goldcommand.platform.Observability;
import org.goldcommand.platform.Settings;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.goldcommand.testkit.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario against a real ingest and broker: three simulated hours of the winter day (06:00 to
 * 09:00, the 08:00 sitreps and 07:00 bookings among them) played in a few seconds with HL7 and FHIR
 * switched off; every HTTP feed's records are accepted and each lands on its topic.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioIT {

  KafkaBroker broker;
  Vertx vertx;
  IngestService ingest;

  @BeforeAll
  void start(KafkaBroker broker) {
    this.broker = broker;
    broker.createTopics(Topics.all());
    vertx = Vertx.vertx();
    ingest = new IngestService(vertx, IngestConfig.from(new Settings(Map.of("GC_PROFILE", "demo", "GC_INGEST_PORT", "0",
        "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers()))), Observability.registry("simulator-it"));
    ingest.start().await();
  }

  @AfterAll
  void stop() {
    ingest.close();
    vertx.close().await();
  }

  @Test
  void threeHoursOfTheDayReachEveryFeedsTopic() {
    SimulatorSettings settings = new SimulatorSettings(SimulatorSettings.Scenarios.LSC_WINTER_DAY,
        URI.create("http://localhost:" + ingest.port()), "demo-key-simulator", 3_600, 11, 6, 3, false, "localhost", 1,
        false, null, null, null);
    try (ScenarioSimulator simulator = new ScenarioSimulator(settings, ReferenceDataLoader.demo(), Clock.systemUTC(),
        true)) {
      simulator.start();
      await().atMost(Duration.ofSeconds(90)).until(() -> simulator.finished().isDone());
      Map<String, SimulatorStats.Counts> counts = simulator.stats().counts();
      assertThat(counts).as("only the HTTP feeds were used").hasSize(Feed.values().length);
      for (Feed feed : Feed.values()) {
        SimulatorStats.Counts c = counts.get(feed.feedName());
        assertThat(c).as(feed.feedName()).isNotNull();
        assertThat(c.generated()).as(feed.feedName()).isPositive();
        assertThat(c.accepted()).as(feed.feedName() + " " + c).isEqualTo(c.generated());
        List<String> receipts = simulator.stats().receipts(feed.feedName());
        assertThat(receipts).hasSize((int) c.accepted());
        landed(feed.topic(), receipts);
      }
    }
  }

  private <V extends Envelope<?>> void landed(Topic<String, V> topic, List<String> receipts) {
    try (TopicReader<String, V> reader = new TopicReader<>(broker, topic)) {
      for (String receipt : receipts) {
        reader.await(r -> r.value().id().equals(receipt) || r.value().id().endsWith("/" + receipt),
            Duration.ofSeconds(30));
      }
    }
  }
}
