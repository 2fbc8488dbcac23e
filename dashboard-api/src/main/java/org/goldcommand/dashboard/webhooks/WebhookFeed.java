package org.goldcommand.dashboard.webhooks;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code alerts.v1} in a consumer group of its own and hands each new alert step to webhook
 * delivery. Unlike the live channels, which re-read the whole topic on every start, this resumes
 * where the group left off, so a restart does not send every past alert again, and instances
 * sharing the group send each step once between them. A group that has never run starts at the
 * end: webhooks announce what happens from then on. Offsets are committed as steps are queued, so
 * steps still queued when the process dies are not sent (at most once); the wall and the REST
 * list still show them.
 */
public final class WebhookFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookFeed.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<Alert> sink;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean joined = new AtomicBoolean();
  private final Thread thread;

  public WebhookFeed(String bootstrapServers, String groupId, Consumer<Alert> sink) {
    this.sink = sink;
    this.consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrapServers,
        "group.id", groupId,
        "enable.auto.commit", true,
        "isolation.level", "read_committed",
        "auto.offset.reset", "latest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "webhook-feed");
    thread.setDaemon(true);
  }

  /** Starts following the topic. */
  public void start() {
    thread.start();
  }

  /**
   * Whether this instance has joined its group (had its first assignment, possibly of no
   * partitions when other instances hold them all), so steps from now on will be sent.
   */
  public boolean joined() {
    return joined.get();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.ALERTS.name()), new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          // Nothing to hand back: offsets are committed as steps are queued.
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          joined.set(true);
        }
      });
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          hand(record);
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  private void hand(ConsumerRecord<byte[], byte[]> record) {
    try {
      Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
      if (alert != null && alert.state() != null) {
        sink.accept(alert);
      }
    } catch (RuntimeException e) {
      LOG.warn("Skipping alert at {}-{}@{} that cannot be delivered: {}", record.topic(), record.partition(),
          record.offset(), e.toString());
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
