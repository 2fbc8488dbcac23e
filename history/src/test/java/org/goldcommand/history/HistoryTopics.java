package org.goldcommand.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.testkit.KafkaBroker;

/**
 * The topics the sink reads, on the shared test broker: producing to them as ingest and
 * streams do, and reading consumer group positions so tests can say what was committed.
 */
final class HistoryTopics {

  static final List<Topic<String, ?>> TOPICS = List.of(Topics.SITREPS, Topics.TRUST_PRESSURE, Topics.SYSTEM_PRESSURE,
      Topics.ALERTS, Topics.AUDIT);

  private final KafkaBroker broker;

  HistoryTopics(KafkaBroker broker) {
    this.broker = broker;
    broker.createTopics(TOPICS);
  }

  /** Sends events as their producers do (acks=all), waiting until the broker has each one. */
  <V> void send(Topic<String, V> topic, String key, List<V> values) {
    produce(topic.name(), key, topic.valueSerde().serializer(), values);
  }

  /** Sends raw bytes, for records no serde would write. */
  void sendRaw(String topic, String key, byte[] value) {
    produce(topic, key, new ByteArraySerializer(), List.of(value));
  }

  /** The next offset to be written on every partition of every topic the sink reads. */
  Map<TopicPartition, Long> endOffsets() {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (Topic<?, ?> topic : TOPICS) {
      for (int p = 0; p < topic.partitions(); p++) {
        latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    try (Admin admin = broker.admin()) {
      await(() -> admin.listOffsets(latest).all().get()).forEach((tp, info) -> ends.put(tp, info.offset()));
    }
    return ends;
  }

  /** Commits the group at the current end of the topics, so it reads only what is sent next. */
  Map<TopicPartition, Long> startGroupAtEnd(String groupId) {
    Map<TopicPartition, Long> ends = endOffsets();
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    ends.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
    try (Admin admin = broker.admin()) {
      await(() -> admin.alterConsumerGroupOffsets(groupId, commit).all().get());
    }
    return ends;
  }

  /** The group's committed offsets (partitions it never committed are absent). */
  Map<TopicPartition, Long> committed(String groupId) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    try (Admin admin = broker.admin()) {
      await(() -> admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get())
          .forEach((tp, om) -> offsets.put(tp, om.offset()));
    }
    return offsets;
  }

  private <V> void produce(String topic, String key, Serializer<V> values, List<V> records) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (V value : records) {
        await(() -> producer.send(new ProducerRecord<>(topic, key, value)).get());
      }
    }
  }

  private static <T> T await(Blocking<T> call) {
    try {
      return call.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A blocking Kafka call. */
  @FunctionalInterface
  private interface Blocking<T> {
    T get() throws ExecutionException, InterruptedException;
  }
}
