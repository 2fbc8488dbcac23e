package org.goldcommand.ingest.feed;

import java.time.Instant;
import java.util.List;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.validation.Violation;

/**
 * What ingest needs to know about one feed to take it in: its contract, the organisation or site
 * each record is about (for authorisation and the Kafka key), its business time, how a re-sent
 * record is recognised, and the checks beyond the schema. Everything else (parsing, batching,
 * authentication, acknowledgement) is the same for every feed and lives in {@link FeedIntake} and
 * {@link FeedRoutes}.
 *
 * @param <T> the record type
 */
public interface FeedSpec<T> {

  /** The feed's name, for example {@code ed-snapshot}: in event ids, metrics and feed status. */
  String name();

  /** Where accepted records go. */
  Topic<String, Envelope<T>> topic();

  /** The record type the JSON maps to. */
  Class<T> type();

  /** The JSON Schema on the classpath, for example {@code schemas/ed-snapshot.v1.json}. */
  String schemaResource();

  /** Which organisation or site the record is about, and where in the record that code is. */
  Subject subject(T value);

  /** When the figures were true. */
  Instant businessTime(T value);

  /**
   * The part of the event id that identifies this record apart from its content, for example the
   * site and time of a snapshot. Ingest appends a hash of the content, so an identical re-send
   * gets the same id (and is counted once) while a changed record is a new event.
   */
  String naturalKey(T value);

  /** The Kafka key; by default the subject's code, so one site's records stay in order. */
  default String key(T value) {
    return subject(value).code();
  }

  /** Whether records may be about the future (bookings are); otherwise a future time is refused. */
  default boolean forwardLooking() {
    return false;
  }

  /** Whether the event id carries a content hash; false when the record has an id of its own. */
  default boolean hashContent() {
    return true;
  }

  /** Fills in anything the sender may leave out (a generated id, say) before checks run. */
  default T normalise(T value) {
    return value;
  }

  /** Checks beyond the schema: figures that contradict each other, for example. */
  default List<Violation> rules(T value, Organisation owner, Instant now) {
    return List.of();
  }

  /** What the sender gets back for an accepted record: by default the event id. */
  default String receipt(T value, String eventId) {
    return eventId;
  }

  /**
   * The code a record is about.
   *
   * @param code the organisation or site code
   * @param path where it is in the record, for error messages
   * @param site whether it is a site code (else an organisation code)
   */
  record Subject(String code, String path, boolean site) {

    public static Subject site(String code) {
      return new Subject(code, "siteCode", true);
    }

    public static Subject organisation(String code, String path) {
      return new Subject(code, path, false);
    }
  }
}
