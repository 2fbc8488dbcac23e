package org.goldcommand.dashboard.live;

import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.goldcommand.events.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a live channel from a derived topic. It reads the whole topic from the start (committed
 * records only) so the channel's latest-value-per-key is rebuilt on every start without any
 * store of its own, then follows new records. Runs on its own thread; each change is handed to the
 * channel's context, never touching the event loop's state from here.
 *
 * @param <V> the topic's value type
 */
public final class TopicFeed<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);

  private final Topic<String, V> topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Function<V, JsonObject> toJson;
  private final LiveChannel channel;
  private final Context context;
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public TopicFeed(String bootstrapServers, Topic<String, V> topic, Function<V, JsonObject> toJson, LiveChannel channel,
      Context context) {
    this.topic = topic;
    this.toJson = toJson;
    this.channel = channel;
    this.context = context;
    this.consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", bootstrapServers,
        "group.id", "dashboard-api-" + UUID.randomUUID(),
        "enable.auto.commit", false,
        "isolation.level", "read_committed",
        "auto.offset.reset", "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "live-feed-" + topic.name());
    thread.setDaemon(true);
  }

  /** Starts following the topic. */
  public void start() {
    thread.start();
  }

  /** Whether the feed's thread is still following the topic. */
  public boolean alive() {
    return thread.isAlive() && running.get();
  }

  /** Whether everything on the topic at start-up has reached the channel. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          publish(record);
        }
        if (!caughtUp.get() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
          context.runOnContext(v -> caughtUp.set(true));
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

  private List<TopicPartition> awaitPartitions() {
    while (running.get()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      LOG.info("Waiting for topic {} to exist", topic.name());
    }
    return List.of();
  }

  private void publish(ConsumerRecord<byte[], byte[]> record) {
    V value;
    try {
      value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      LOG.warn("Skipping unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    if (value == null) {
      return;
    }
    try {
      String key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
      JsonObject json = toJson.apply(value);
      context.runOnContext(v -> channel.publish(key, json));
    } catch (RuntimeException e) {
      LOG.warn("Skipping record at {}-{}@{} that cannot be shown: {}", record.topic(), record.partition(),
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
