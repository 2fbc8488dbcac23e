package org.goldcommand.events.serde;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.goldcommand.events.Envelope;

/**
 * A Kafka serde for any Jackson-mappable type, including generic envelopes. A record that cannot be
 * read raises {@link SerializationException} so the caller's deserialisation handler can send it
 * to the dead-letter topic rather than stopping the consumer.
 *
 * @param <T> the value type
 */
public final class JsonSerde<T> implements Serde<T> {

  private final JavaType type;

  private JsonSerde(JavaType type) {
    this.type = type;
  }

  /** A serde for a plain payload type. */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(Json.mapper().constructType(type));
  }

  /** A serde for {@code Envelope<T>}. */
  public static <T> JsonSerde<Envelope<T>> envelopeOf(Class<T> payload) {
    return new JsonSerde<>(Json.mapper().getTypeFactory().constructParametricType(Envelope.class, payload));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return Json.mapper().writeValueAsBytes(data);
      } catch (IOException e) {
        throw new SerializationException("Cannot write " + type + " to " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return Json.mapper().readValue(bytes, type);
      } catch (IOException e) {
        throw new SerializationException("Cannot read " + type + " from " + topic + ": " + e.getMessage(), e);
      }
    };
  }
}
