package org.goldcommand.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * The wrapper every event travels in, shaped as a CloudEvents 1.0 structured JSON event so that any
 * CloudEvents-aware consumer can read our topics without knowing our classes.
 *
 * <p>{@code id} is the idempotency key: a re-sent submission keeps its id, and every consumer
 * (streams, the history sink) treats a second copy as the same fact. {@code time} is business time
 * (when the figures were true); {@code receivedAt} is when Gold Command first took the event in, so
 * the age of data and the lateness of a feed can both be told.
 *
 * @param <T> the payload type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope<T>(
    @JsonProperty("specversion") String specVersion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    @JsonProperty("receivedat") Instant receivedAt,
    @JsonProperty("datacontenttype") String dataContentType,
    T data) {

  public static final String SPEC_VERSION = "1.0";

  public Envelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Wraps a payload with the fixed CloudEvents attributes filled in. */
  public static <T> Envelope<T> of(
      String id, String source, String type, String subject, Instant time, Instant receivedAt, T data) {
    return new Envelope<>(SPEC_VERSION, id, source, type, subject, time, receivedAt, "application/json", data);
  }

  /** A new envelope for a payload derived from this one, keeping the lineage in the id. */
  public <R> Envelope<R> derive(String derivedId, String derivedSource, String derivedType, Instant at, R payload) {
    return of(derivedId, derivedSource, derivedType, subject, time, at, payload);
  }
}
