package org.goldcommand.ingest.hl7;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.status.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each MLLP event with an acknowledgement: checks the header (version, message type,
 * control id, sender), maps the message on a worker thread, stores the bed event and answers AA
 * only once Kafka has it. Every refusal is counted, logged without patient data, and recorded on
 * the rejections topic against the sender's organisation when the sender is known.
 */
final class AdtHandler {

  /** The feed name in metrics and rejections. */
  static final String FEED = "hl7-adt";
  /** CloudEvents type of bed events. */
  static final String EVENT_TYPE = "org.goldcommand.bed-event.v1";
  /** HL7 versions accepted (MSH-12.1). */
  static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

  private static final Logger LOG = LoggerFactory.getLogger(AdtHandler.class);
  private static final int MAX_CONTROL_ID = 199;
  private static final String STORE_FAILED = "temporarily unable to store; resend";

  private final Vertx vertx;
  private final Hl7Senders senders;
  private final AdtMapper mapper;
  private final Hl7Outbox outbox;
  private final RecentMessages recent;
  private final Clock clock;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter unavailable;

  AdtHandler(Vertx vertx, Hl7Senders senders, AdtMapper mapper, Hl7Outbox outbox, RecentMessages recent,
      MeterRegistry registry, Clock clock) {
    this.vertx = vertx;
    this.senders = senders;
    this.mapper = mapper;
    this.outbox = outbox;
    this.recent = recent;
    this.clock = clock;
    this.accepted = registry.counter("gc.ingest.submissions", "feed", FEED, "outcome", "accepted");
    this.rejected = registry.counter("gc.ingest.submissions", "feed", FEED, "outcome", "rejected");
    this.unavailable = registry.counter("gc.ingest.submissions", "feed", FEED, "outcome", "unavailable");
  }

  /** The acknowledgement for one event from a connection; never fails. */
  Future<String> handle(MllpFramer.Event event, InetAddress remote) {
    return vertx.executeBlocking(() -> read(event, remote), false)
        .compose(reading -> reading.problem() != null
            ? Future.succeededFuture(refuse(reading, remote)) : store(reading, remote))
        .recover(error -> {
          LOG.error("HL7 message from {} could not be handled", remote, error);
          return Future.succeededFuture(Hl7Ack.refuse(null,
              Hl7Problem.error(Hl7Problem.INTERNAL, null, 0, "internal error; resend later"), clock.instant()));
        });
  }

  /** What was made of one event: a bed event to store, or a problem to answer with. */
  private record Reading(MshHeader header, Hl7Sender sender, BedEvent event, Hl7Problem problem) {}

  private Reading read(MllpFramer.Event event, InetAddress remote) {
    if (event instanceof MllpFramer.Frame frame) {
      return readMessage(frame.bytes(), remote);
    }
    if (event instanceof MllpFramer.Oversized big) {
      return readBroken(big.start(), Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, null, 0,
          "the message is larger than " + big.limit() + " bytes; it was not read and the connection is closed"));
    }
    if (event instanceof MllpFramer.CutShort cut) {
      return readBroken(cut.bytes(), Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, null, 0,
          "the frame was cut short: a new <VT> began before <FS><CR>; resend the message"));
    }
    int count = ((MllpFramer.Stray) event).count();
    return new Reading(null, null, null, Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, null, 0, count
        + " bytes arrived outside an MLLP frame and were ignored: send each message as <VT>message<FS><CR>"));
  }

  private Reading readBroken(byte[] bytes, Hl7Problem problem) {
    List<String> segments = Hl7Text.segments(bytes);
    try {
      MshHeader header = MshHeader.read(segments.isEmpty() ? null : segments.get(0));
      return new Reading(header, registered(header).orElse(null), null, problem);
    } catch (Hl7Problem unreadable) {
      return new Reading(null, null, null, problem);
    }
  }

  private Reading readMessage(byte[] bytes, InetAddress remote) {
    List<String> segments = Hl7Text.segments(bytes);
    if (segments.isEmpty()) {
      return new Reading(null, null, null, Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, null, 0,
          "the frame is empty: it holds no HL7 segments"));
    }
    MshHeader header;
    try {
      header = MshHeader.read(segments.get(0));
    } catch (Hl7Problem unreadable) {
      return new Reading(null, null, null, unreadable);
    }
    Hl7Sender sender = registered(header).orElse(null);
    try {
      checkHeader(header);
      checkSender(header, sender, remote);
      return new Reading(header, sender, mapper.map(segments, header, sender), null);
    } catch (Hl7Problem problem) {
      return new Reading(header, sender, null, problem);
    }
  }

  private Optional<Hl7Sender> registered(MshHeader header) {
    return header.facility().isEmpty() ? Optional.empty() : senders.find(header.facility());
  }

  private static void checkHeader(MshHeader header) throws Hl7Problem {
    String version = header.version();
    if (!VERSIONS.contains(version)) {
      throw Hl7Problem.rejected(Hl7Problem.UNSUPPORTED_VERSION, "MSH", 12, (version.isEmpty()
          ? "MSH-12 version id is empty" : "HL7 version " + version + " is not supported")
          + "; send 2.3, 2.3.1, 2.4, 2.5 or 2.5.1");
    }
    String type = header.messageType().toUpperCase(Locale.ROOT);
    String trigger = header.trigger().toUpperCase(Locale.ROOT);
    if (!type.equals("ADT")) {
      throw Hl7Problem.rejected(Hl7Problem.UNSUPPORTED_MESSAGE_TYPE, "MSH", 9, "message type "
          + (type.isEmpty() ? "(empty)" : type + (trigger.isEmpty() ? "" : "^" + trigger))
          + " is not accepted: this interface takes ADT A01, A02, A03, A08, A11, A12 and A13");
    }
    if (!AdtMapper.MOVEMENTS.containsKey(trigger)) {
      throw Hl7Problem.rejected(Hl7Problem.UNSUPPORTED_EVENT, "MSH", 9, "trigger event "
          + (trigger.isEmpty() ? "(empty)" : "ADT^" + trigger)
          + " is not accepted: this interface takes ADT A01, A02, A03, A08, A11, A12 and A13");
    }
    if (header.controlId().isEmpty()) {
      throw Hl7Problem.rejected(Hl7Problem.REQUIRED_FIELD_MISSING, "MSH", 10, "MSH-10 message control id is empty");
    }
    if (header.controlId().length() > MAX_CONTROL_ID) {
      throw Hl7Problem.rejected(Hl7Problem.DATA_TYPE, "MSH", 10,
          "MSH-10 message control id is longer than " + MAX_CONTROL_ID + " characters");
    }
  }

  private static void checkSender(MshHeader header, Hl7Sender sender, InetAddress remote) throws Hl7Problem {
    if (header.facility().isEmpty()) {
      throw Hl7Problem.rejected(Hl7Problem.REQUIRED_FIELD_MISSING, "MSH", 4, "MSH-4 sending facility is empty");
    }
    if (sender == null) {
      throw Hl7Problem.rejected(Hl7Problem.TABLE_VALUE_NOT_FOUND, "MSH", 4,
          "unknown sending facility " + header.facility() + "; ask for it to be registered");
    }
    if (!sender.allowsApplication(header.application())) {
      throw Hl7Problem.rejected(Hl7Problem.TABLE_VALUE_NOT_FOUND, "MSH", 3, "sending application "
          + (header.application().isEmpty() ? "(empty)" : header.application())
          + " is not registered for facility " + sender.facility());
    }
    if (!sender.allowsAddress(remote)) {
      throw Hl7Problem.rejected(Hl7Problem.TABLE_VALUE_NOT_FOUND, "MSH", 4,
          "facility " + sender.facility() + " may not send from " + remote.getHostAddress());
    }
  }

  private Future<String> store(Reading reading, InetAddress remote) {
    BedEvent event = reading.event();
    Hl7Sender sender = reading.sender();
    Instant now = clock.instant();
    Envelope<BedEvent> envelope = Envelope.of(eventId(sender.facility(), event.messageId()),
        "/ingest/hl7/" + sender.facility(), EVENT_TYPE, event.siteCode(), event.at(), now, event);
    return recent.store(envelope.id(), digest(event), () -> outbox.store(event.siteCode(), envelope))
        .transform(stored -> {
          if (stored.succeeded()) {
            accepted.increment();
            return Future.succeededFuture(Hl7Ack.accept(reading.header(), now));
          }
          if (stored.cause() instanceof Hl7Problem problem) {
            return Future.succeededFuture(refuse(new Reading(reading.header(), sender, null, problem), remote));
          }
          unavailable.increment();
          LOG.warn("Kafka did not acknowledge HL7 message {} from {}: {}", envelope.id(), sender.facility(),
              stored.cause().toString());
          return Future.succeededFuture(Hl7Ack.refuse(reading.header(),
              Hl7Problem.error(Hl7Problem.INTERNAL, null, 0, STORE_FAILED), now));
        });
  }

  /** The event id of a message: stable across re-sends of the same control id. */
  static String eventId(String facility, String controlId) {
    return "bed-event/" + facility + "/" + controlId;
  }

  /** What must match for a re-sent control id to count as the same message (its time may be re-stamped). */
  private static int digest(BedEvent event) {
    return Objects.hash(event.siteCode(), event.wardCode(), event.bed(), event.previousWardCode(),
        event.movement().name(), event.patientClass(), event.stayRef(), event.triggerEvent());
  }

  private String refuse(Reading reading, InetAddress remote) {
    Hl7Problem problem = reading.problem();
    Instant now = clock.instant();
    rejected.increment();
    String message = reading.header() == null ? "an unreadable message"
        : "message " + reading.header().controlId() + " from facility " + reading.header().facility();
    LOG.info("HL7 {} for {} at {}: {}", problem.ackCode(), message, remote.getHostAddress(), problem.reason());
    if (reading.sender() != null) {
      outbox.reject(new Rejection(reading.sender().primaryOrganisation(), FEED, now, problem.ackCode().name(),
          problem.reason()));
    }
    return Hl7Ack.refuse(reading.header(), problem, now);
  }
}
