package org.goldcommand.ingest.hl7;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.ingest.kafka.FeedProducer;

/** A real listener producing to a real broker, with the demo senders and reference data. */
final class Hl7Harness implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final FeedProducer producer;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Hl7Listener listener;
  final int port;

  Hl7Harness(String bootstrapServers) {
    producer = new FeedProducer(bootstrapServers, "hl7-test");
    listener = new Hl7Listener(vertx, Hl7Config.demo(0), producer, ReferenceDataLoader.demo(), Hl7Senders.demo(),
        registry);
    port = listener.start().await();
  }

  MllpClient client() throws IOException {
    return new MllpClient(port);
  }

  double count(String outcome) {
    return registry.counter("gc.ingest.submissions", "feed", "hl7-adt", "outcome", outcome).count();
  }

  @Override
  public void close() {
    listener.close().await();
    producer.close();
    vertx.close().await();
  }
}
