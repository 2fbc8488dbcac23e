package org.goldcommand.streams.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.topics.Topics;

/**
 * Sends a record that cannot be read, or that a topology fails on, to {@code feeds.deadletter.v1}
 * with the reason, and carries on: one bad record must not stop every trust's pressure, and must
 * not be lost either. The dead letter is written in the same transaction as the offset commit, so
 * under exactly-once it is stored exactly when the bad record is skipped.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  /** Streams config key under which the metrics registry is passed in. */
  public static final String METRICS = "gc.metrics.registry";

  private MeterRegistry metrics;

  @Override
  public void configure(Map<String, ?> configs) {
    Object registry = configs.get(METRICS);
    metrics = registry instanceof MeterRegistry m ? m : null;
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
      ConsumerRecord<byte[], byte[]> record, Exception exception) {
    DeadLetter letter = new DeadLetter(record.topic(), text(record.key()), exception.getMessage(),
        "streams.deserialise", text(record.value()), Instant.now());
    count(letter, record.topic());
    return DeserializationExceptionHandler.Response.resume(List.of(record(letter)));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
      Exception exception) {
    DeadLetter letter = new DeadLetter(context.topic(), text(context.sourceRawKey()), exception.toString(),
        "streams.process." + context.processorNodeId(), text(context.sourceRawValue()), Instant.now());
    count(letter, context.topic());
    return ProcessingExceptionHandler.Response.resume(List.of(record(letter)));
  }

  private void count(DeadLetter letter, String topic) {
    if (metrics != null) {
      metrics.counter("gc.deadletter.records", "stage", letter.stage(), "topic", topic).increment();
    }
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static ProducerRecord<byte[], byte[]> record(DeadLetter letter) {
    String topic = Topics.DEAD_LETTERS.name();
    return new ProducerRecord<>(topic,
        Topics.DEAD_LETTERS.keySerde().serializer().serialize(topic, letter.sourceTopic()),
        Topics.DEAD_LETTERS.valueSerde().serializer().serialize(topic, letter));
  }
}
