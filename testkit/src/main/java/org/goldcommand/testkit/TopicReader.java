package org.goldcommand.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.goldcommand.events.topics.Topic;

/**
 * Reads a topic from the beginning with {@code read_committed}, as every downstream consumer
 * does, so a test sees exactly what a real consumer would: nothing that Kafka did not commit.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicReader<K, V> implements AutoCloseable {

  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

  public TopicReader(KafkaBroker broker, Topic<K, V> topic) {
    this.consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", broker.bootstrapServers(),
        "group.id", "test-reader-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest",
        "enable.auto.commit", false,
        "isolation.level", "read_committed"),
        topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    consumer.subscribe(List.of(topic.name()));
  }

  /** Polls until a record matching the predicate arrives, or fails after the timeout. */
  public ConsumerRecord<K, V> await(Predicate<ConsumerRecord<K, V>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (System.nanoTime() < deadline) {
      for (; checked < seen.size(); checked++) {
        if (match.test(seen.get(checked))) {
          return seen.get(checked);
        }
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + " records");
  }

  /** Every record read so far, in the order read. */
  public List<ConsumerRecord<K, V>> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
