package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.AlertCommand;
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

/** Pressure in, alert out, and an acknowledgement back, on a real broker with exactly-once processing. */
@ExtendWith(RealKafka.class)
class AlertsTopologyIT {

  @Test
  void aTrustAtOpelFourOnTheBrokerRaisesOneAlertThatAPersonAcknowledges(KafkaBroker broker, @TempDir Path state)
      throws Exception {
    broker.createTopics(Topics.all());
    PrometheusMeterRegistry registry = Observability.registry("streams-alerts-test");
    Vertx vertx = Vertx.vertx();
    StreamsServiceConfig config = StreamsServiceConfig.from(new Settings(Map.of(
        "GC_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
        "GC_STREAMS_APPLICATION_ID", "alerts-it-" + UUID.randomUUID(),
        "GC_STREAMS_STATE_DIR", state.toString(),
        "GC_STREAMS_PORT", "0")));
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String key = "trust-opel-4/RXL";
    try (StreamsService service = new StreamsService(vertx, config, registry);
         var pressure = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
             "acks", "all"), Topics.TRUST_PRESSURE.keySerde().serializer(), Topics.TRUST_PRESSURE.valueSerde().serializer());
         var commands = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
             "acks", "all"), Topics.ALERT_COMMANDS.keySerde().serializer(), Topics.ALERT_COMMANDS.valueSerde().serializer());
         var alerts = new TopicReader<>(broker, Topics.ALERTS)) {
      service.start().await();
      await().atMost(Duration.ofSeconds(30)).until(service::running);

      pressure.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), "RXL",
          AlertsTopologyTest.pressure("RXL", 4, 81.0, now))).get();
      pressure.send(new ProducerRecord<>(Topics.TRUST_PRESSURE.name(), "RXL",
          AlertsTopologyTest.pressure("RXL", 4, 83.0, now.plusSeconds(60)))).get();
      Alert raised = alerts.await(r -> r.key().equals(key), Duration.ofSeconds(30)).value();
      assertThat(raised.state()).isEqualTo(AlertState.RAISED);
      assertThat(raised.systemCode()).isEqualTo("QE1");
      assertThat(raised.message()).contains("is at OPEL 4 (score 81)");

      commands.send(new ProducerRecord<>(Topics.ALERT_COMMANDS.name(), key, new AlertCommand(UUID.randomUUID()
          .toString(), raised.alertId(), key, AlertCommand.Action.ACKNOWLEDGE, "duty.director", null,
          now.plusSeconds(120)))).get();
      Alert acknowledged = alerts.await(r -> r.key().equals(key) && r.value().state() == AlertState.ACKNOWLEDGED,
          Duration.ofSeconds(30)).value();
      assertThat(acknowledged.alertId()).isEqualTo(raised.alertId());
      assertThat(acknowledged.acknowledgedBy()).isEqualTo("duty.director");
      assertThat(alerts.seen()).filteredOn(r -> r.key().equals(key)).extracting(r -> r.value().state())
          .containsExactly(AlertState.RAISED, AlertState.ACKNOWLEDGED);
    } finally {
      vertx.close().await();
    }
  }
}
