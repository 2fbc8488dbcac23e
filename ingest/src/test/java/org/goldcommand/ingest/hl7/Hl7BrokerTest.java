package org.goldcommand.ingest.hl7;

import java.time.Duration;
import java.util.UUID;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;
import org.goldcommand.testkit.RealKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real listener on the shared real broker, started once per test class, with ids unique to the run. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Hl7BrokerTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  final String run = UUID.randomUUID().toString().substring(0, 8);
  KafkaBroker broker;
  Hl7Harness hl7;

  @BeforeAll
  void start(KafkaBroker broker) {
    this.broker = broker;
    broker.createTopics(Topics.all());
    hl7 = new Hl7Harness(broker.bootstrapServers());
  }

  @AfterAll
  void stop() {
    hl7.close();
  }
}
