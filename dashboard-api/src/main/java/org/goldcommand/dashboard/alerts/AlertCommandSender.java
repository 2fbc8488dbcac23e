package org.goldcommand.dashboard.alerts;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;

/**
 * Writes a person's step on an alert: the {@link AlertCommand} for the alerts topology, then, once
 * Kafka holds it, the {@link AuditEntry}, so the audit log never records a step that was lost.
 * One idempotent producer with {@code acks=all} and short timeouts, so a person hears "try again"
 * within seconds when Kafka is down. Sends start on a worker thread (a send may block while the
 * producer fetches metadata) and the result completes on the caller's context.
 */
public final class AlertCommandSender implements AutoCloseable {

  private final Vertx vertx;
  private final KafkaProducer<byte[], byte[]> producer;

  public AlertCommandSender(Vertx vertx, String bootstrapServers) {
    this.vertx = vertx;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "dashboard-api-alert-commands",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Completes, on the calling context, once Kafka has acknowledged both the command and its audit entry. */
  public Future<Void> send(AlertCommand command, AuditEntry audit) {
    Context context = vertx.getOrCreateContext();
    return acknowledged(context, Topics.ALERT_COMMANDS, command.key(), command)
        .compose(m -> acknowledged(context, Topics.AUDIT, audit.targetType() + "/" + audit.targetId(), audit))
        .mapEmpty();
  }

  private <V> Future<RecordMetadata> acknowledged(Context context, Topic<String, V> topic, String key, V value) {
    return vertx.executeBlocking(() -> write(topic, key, value), false)
        .compose(pending -> Future.fromCompletionStage(pending, context));
  }

  private <V> CompletableFuture<RecordMetadata> write(Topic<String, V> topic, String key, V value) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
          topic.valueSerde().serializer().serialize(topic.name(), value)), (metadata, error) -> {
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

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
