package org.goldcommand.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.EnvelopeBytes;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.validation.SchemaValidator;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.auth.ApiClient;

/**
 * The door every JSON record passes, whatever feed it belongs to: schema, known organisation or
 * site, the sender's right to speak for it, a business time that is not in the future, the feed's
 * own rules, and a stable event id. Pure checking: nothing here touches Kafka.
 *
 * @param <T> the record type
 */
public final class FeedIntake<T> {

  /** Clocks at trusts drift; a record stamped a little ahead of ours is still accepted. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(FeedIntake::sha256);

  private final FeedSpec<T> spec;
  private final SchemaValidator schema;
  private final ReferenceData reference;
  private final String source;
  private final String eventType;

  public FeedIntake(FeedSpec<T> spec, ReferenceData reference) {
    this.spec = spec;
    this.schema = SchemaValidator.forResource(spec.schemaResource());
    this.reference = reference;
    this.source = "/ingest/" + spec.name();
    this.eventType = "org.goldcommand." + spec.name() + ".v1";
  }

  public FeedSpec<T> spec() {
    return spec;
  }

  /**
   * An accepted record, ready to send to its topic, with the receipt to give the sender, and the
   * envelope already written as the topic's serde writes it ({@code null} if it could not be).
   */
  public record Accepted<T>(Topic<String, Envelope<T>> topic, String key, Envelope<T> envelope, String receipt,
      String orgCode, byte[] serialised) {}

  /** Why a record was refused: the HTTP status that fits, and every violation found. */
  public record Refused(int status, String error, List<Violation> violations, String orgCode) {}

  /** Either outcome of a check. */
  public record Checked<T>(Accepted<T> accepted, Refused refused) {
    static <T> Checked<T> accept(Accepted<T> accepted) {
      return new Checked<>(accepted, null);
    }

    static <T> Checked<T> refuse(Refused refused) {
      return new Checked<>(null, refused);
    }
  }

  /** Checks one record sent by {@code client} at {@code now}. */
  public Checked<T> check(JsonNode node, ApiClient client, Instant now) {
    if (node == null || !node.isObject()) {
      return refuse(400, "Each record must be a JSON object", List.of(new Violation("", "is not an object")), null);
    }
    List<Violation> schemaViolations = new ArrayList<>(schema.validate(node));
    controlCharacters(node, "", schemaViolations);
    if (!schemaViolations.isEmpty()) {
      return refuse(400, "The record does not match the " + spec.name() + " v1 schema", schemaViolations, null);
    }
    T value;
    try {
      value = spec.normalise(Json.mapper().treeToValue(node, spec.type()));
    } catch (JsonProcessingException e) {
      return refuse(400, "The record cannot be read", List.of(new Violation("", e.getOriginalMessage())), null);
    }
    FeedSpec.Subject subject = spec.subject(value);
    Optional<Organisation> owner = subject.site()
        ? reference.ownerOfSite(subject.code()) : reference.organisation(subject.code());
    if (owner.isEmpty()) {
      return refuse(422, "The record is about an unknown " + (subject.site() ? "site" : "organisation"),
          List.of(new Violation(subject.path(), "is not a known " + (subject.site() ? "site" : "organisation")
              + ": " + subject.code())), null);
    }
    String orgCode = owner.get().code();
    if (!client.mayActFor(orgCode)) {
      return refuse(403, "This API key may not submit for " + orgCode,
          List.of(new Violation(subject.path(), "belongs to " + orgCode + ", which this key is not bound to")), null);
    }
    List<Violation> ruleViolations = new ArrayList<>(spec.rules(value, owner.get(), now));
    Instant businessTime = spec.businessTime(value);
    if (!spec.forwardLooking() && businessTime.isAfter(now.plus(CLOCK_SKEW))) {
      ruleViolations.add(0, new Violation(timePath(node), "is in the future: " + businessTime));
    }
    if (!ruleViolations.isEmpty()) {
      return refuse(422, "The record breaks the " + spec.name() + " rules", ruleViolations, orgCode);
    }
    byte[] data = spec.hashContent() ? payload(value) : payloadIfWritable(value);
    String eventId = spec.name() + "/" + spec.naturalKey(value) + (spec.hashContent() ? "/" + contentHash(data) : "");
    Envelope<T> envelope = Envelope.of(eventId, source, eventType, subject.code(), businessTime, now, value);
    return Checked.accept(new Accepted<>(spec.topic(), spec.key(value), envelope, spec.receipt(value, eventId),
        orgCode, value == null || data == null ? null : serialised(envelope, data)));
  }

  /** NUL and other control characters (bar tab and newline) cannot be stored or shown; refuse them at the door. */
  private static void controlCharacters(JsonNode node, String path, List<Violation> violations) {
    if (node.isTextual()) {
      if (hasControlCharacter(node.asText())) {
        violations.add(new Violation(path, "contains a control character"));
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (worthVisiting(e.getValue())) {
          controlCharacters(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), violations);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (worthVisiting(node.get(i))) {
          controlCharacters(node.get(i), path + "." + i, violations);
        }
      }
    }
  }

  /** Whether a child can hold a violation; its path is only built when it can. */
  private static boolean worthVisiting(JsonNode child) {
    return child.isContainerNode() || child.isTextual() && hasControlCharacter(child.asText());
  }

  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private Checked<T> refuse(int status, String error, List<Violation> violations, String orgCode) {
    return Checked.refuse(new Refused(status, error, violations, orgCode));
  }

  private static String timePath(JsonNode node) {
    for (String candidate : List.of("asAt", "at", "date")) {
      if (node.has(candidate)) {
        return candidate;
      }
    }
    return "";
  }

  /** The first 16 hex digits of the SHA-256 of the record as Gold Command serialises it. */
  static String contentHash(Object value) {
    return contentHash(payload(value));
  }

  /** The first 16 hex digits of the SHA-256 of a record's bytes from {@link EnvelopeBytes#payload(Object)}. */
  static String contentHash(byte[] data) {
    MessageDigest sha256 = SHA_256.get();
    sha256.reset();
    return HexFormat.of().formatHex(sha256.digest(data), 0, 8);
  }

  /** The record as Gold Command serialises it: {@code Json.mapper().writeValueAsBytes(value)}. */
  private static byte[] payload(Object value) {
    try {
      return EnvelopeBytes.payload(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot hash a record that was just read", e);
    }
  }

  /** The record's bytes, or null to leave writing it (and its failure) to the send, as without a hash. */
  private static byte[] payloadIfWritable(Object value) {
    try {
      return EnvelopeBytes.payload(value);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** The envelope as its topic writes it, or null to leave the writing (and its failure) to the send. */
  private static byte[] serialised(Envelope<?> envelope, byte[] data) {
    try {
      return EnvelopeBytes.envelope(envelope, data);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash a record that was just read", e);
    }
  }
}
