package org.goldcommand.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.goldcommand.events.topics.Topic;

/**
 * The one producer ingest writes every feed through: idempotent, {@code acks=all}, and with
 * timeouts short enough that a submitter hears "try again" within seconds when Kafka is down,
 * rather than waiting on a connection that will not come back.
 *
 * <p>A submission is acknowledged to its sender only when the returned future completes, that
 * is once every in-sync replica has the record.
 */
public final class FeedProducer implements AutoCloseable {

  /** How long a send may take, end to end, before the submitter is told to retry. */
  public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(8);

  private final KafkaProducer<byte[], byte[]> producer;

  public FeedProducer(String bootstrapServers, String clientId) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Sends one record; the future completes when Kafka has acknowledged it, or fails with the
   * reason. May block for up to {@code max.block.ms} while metadata is fetched, so call it off
   * the event loop.
   */
  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
    try {
      return sendSerialised(topic, key, topic.valueSerde().serializer().serialize(topic.name(), value));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * As {@link #send(Topic, Object, Object)}, for a value already written exactly as the topic's
   * value serde writes it (for example by {@code EnvelopeBytes}), so it is not serialised twice.
   */
  public <K> CompletableFuture<RecordMetadata> sendSerialised(Topic<K, ?> topic, K key, byte[] value) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
      producer.send(new ProducerRecord<>(topic.name(), k, value), (metadata, error) -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** The underlying producer, for binding its metrics. */
  public KafkaProducer<byte[], byte[]> kafkaProducer() {
    return producer;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
