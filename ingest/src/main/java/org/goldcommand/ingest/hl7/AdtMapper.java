package org.goldcommand.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.v251.datatype.PL;
import ca.uhn.hl7v2.model.v251.segment.EVN;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.goldcommand.events.beds.BedEvent;
import org.goldcommand.events.beds.BedEvent.Movement;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.reference.ReferenceData;

/**
 * Reads an ADT message with HAPI and maps it to a {@link BedEvent}. Every version is read into the
 * 2.5.1 segment model as a generic message (segments in the order sent, whatever MSH-9.3 claims),
 * with HAPI's validation off: real feeds carry odd values in fields this adapter never reads, so
 * it checks only what it uses (PV1-2, PV1-3, PV1-6, PV1-19, EVN-2, EVN-6, MSH-7). PID and every
 * other segment are parsed but never read.
 */
final class AdtMapper implements AutoCloseable {

  /** The triggers accepted and what each does to occupancy. */
  static final Map<String, Movement> MOVEMENTS = Map.of(
      "A01", Movement.ADMIT, "A02", Movement.TRANSFER, "A03", Movement.DISCHARGE, "A08", Movement.UPDATE,
      "A11", Movement.CANCEL_ADMIT, "A12", Movement.CANCEL_TRANSFER, "A13", Movement.CANCEL_DISCHARGE);

  private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
  private static final int MAX_CODE = 64;

  private final HapiContext hapi = new DefaultHapiContext();
  private final ReferenceData reference;
  private final StayRef stayRef;
  private final Clock clock;

  AdtMapper(ReferenceData reference, StayRef stayRef, Clock clock) {
    this.reference = reference;
    this.stayRef = stayRef;
    this.clock = clock;
    hapi.setValidationContext(ValidationContextFactory.noValidation());
    hapi.setModelClassFactory(new SegmentsOnly());
  }

  /** Maps a message whose header has already been checked; throws with the reason it cannot be. */
  BedEvent map(List<String> segments, MshHeader header, Hl7Sender sender) throws Hl7Problem {
    checkSegments(segments, header.encoding().getFieldSeparator());
    Message message = parse(segments);
    PV1 pv1 = segment(message, "PV1", PV1.class);
    if (pv1 == null) {
      throw Hl7Problem.error(Hl7Problem.SEGMENT_SEQUENCE, "PV1", 0,
          "PV1 segment is missing: bed events are read from PV1-3");
    }
    String trigger = header.trigger().toUpperCase(Locale.ROOT);
    PL location = pv1.getAssignedPatientLocation();
    String ward = code(location.getPointOfCare().getValue(), 3, "PV1-3.1 point of care (ward)");
    if (ward == null) {
      throw Hl7Problem.error(Hl7Problem.REQUIRED_FIELD_MISSING, "PV1", 3, "PV1-3.1 point of care (ward) is empty");
    }
    String site = sender.siteFor(code(location.getFacility().getNamespaceID().getValue(), 3, "PV1-3.4 facility"));
    if (site == null) {
      throw Hl7Problem.error(Hl7Problem.REQUIRED_FIELD_MISSING, "PV1", 3,
          "PV1-3.4 facility is empty and sending facility " + sender.facility() + " has no default site");
    }
    Organisation owner = reference.ownerOfSite(site).orElseThrow(() -> Hl7Problem.error(
        Hl7Problem.TABLE_VALUE_NOT_FOUND, "PV1", 3, "unknown site " + site + " in PV1-3.4"));
    if (!sender.mayActFor(owner.code())) {
      throw Hl7Problem.rejected(Hl7Problem.TABLE_VALUE_NOT_FOUND, "PV1", 3, "site " + site + " belongs to "
          + owner.code() + ", not to an organisation sending facility " + sender.facility() + " is registered for");
    }
    String previousWard = null;
    if (trigger.equals("A02") || trigger.equals("A12")) {
      previousWard = code(pv1.getPriorPatientLocation().getPointOfCare().getValue(), 6, "PV1-6.1 prior point of care");
      if (previousWard == null) {
        throw Hl7Problem.error(Hl7Problem.REQUIRED_FIELD_MISSING, "PV1", 6,
            "PV1-6.1 prior point of care (ward) is required for " + trigger);
      }
    }
    String room = code(location.getRoom().getValue(), 3, "PV1-3.2 room");
    String bed = code(location.getBed().getValue(), 3, "PV1-3.3 bed");
    String visit = code(pv1.getVisitNumber().getIDNumber().getValue(), 19, "PV1-19 visit number");
    return new BedEvent(header.controlId(), site, ward, bed == null || room == null ? bed : room + "/" + bed,
        previousWard, MOVEMENTS.get(trigger), code(pv1.getPatientClass().getValue(), 2, "PV1-2 patient class"),
        stayRef.of(owner.code(), visit), at(segment(message, "EVN", EVN.class), segment(message, "MSH", MSH.class)),
        trigger);
  }

  private static void checkSegments(List<String> segments, char separator) throws Hl7Problem {
    for (int i = 1; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean named = segment.length() >= 3 && SEGMENT_ID.matcher(segment.substring(0, 3)).matches()
          && (segment.length() == 3 || segment.charAt(3) == separator);
      if (!named) {
        throw Hl7Problem.error(Hl7Problem.SEGMENT_SEQUENCE, null, 0, "segment " + (i + 1) + " (after "
            + segments.get(i - 1).substring(0, 3) + ") is broken or cut short: it does not start with a "
            + "segment id and " + separator);
      }
      if (segment.startsWith("MSH")) {
        throw Hl7Problem.error(Hl7Problem.SEGMENT_SEQUENCE, "MSH", 0,
            "the frame holds more than one message (another MSH at segment " + (i + 1) + "); send one per frame");
      }
    }
  }

  private Message parse(List<String> segments) throws Hl7Problem {
    try {
      return new PipeParser(hapi).parse(Hl7Text.join(segments));
    } catch (HL7Exception | RuntimeException e) {
      throw Hl7Problem.error(Hl7Problem.SEGMENT_SEQUENCE, null, 0, "the message cannot be parsed as HL7 v2 ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private Instant at(EVN evn, MSH msh) throws Hl7Problem {
    List<TimeField> candidates = List.of(
        new TimeField("EVN", 6, "EVN-6 event occurred",
            evn == null ? null : evn.getEventOccurred().getTime().getValue()),
        new TimeField("EVN", 2, "EVN-2 recorded date/time",
            evn == null ? null : evn.getRecordedDateTime().getTime().getValue()),
        new TimeField("MSH", 7, "MSH-7 date/time of message", msh.getDateTimeOfMessage().getTime().getValue()));
    for (TimeField candidate : candidates) {
      if (candidate.value() == null || candidate.value().isBlank()) {
        continue;
      }
      String value = shorten(candidate.value().trim());
      Instant at = Hl7Time.parse(candidate.value(), Hl7Time.LONDON).orElseThrow(() -> Hl7Problem.error(
          Hl7Problem.DATA_TYPE, candidate.segment(), candidate.field(), candidate.name() + " '" + value
              + "' is not a timestamp to the minute (YYYYMMDDHHMM[SS[.S]][+/-ZZZZ])"));
      if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
        throw Hl7Problem.error(Hl7Problem.DATA_TYPE, candidate.segment(), candidate.field(),
            candidate.name() + " '" + value + "' is in the future");
      }
      return at;
    }
    throw Hl7Problem.error(Hl7Problem.REQUIRED_FIELD_MISSING, "EVN", 2,
        "no event time: EVN-6, EVN-2 and MSH-7 are all empty");
  }

  private static String code(String value, int field, String name) throws Hl7Problem {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.length() > MAX_CODE) {
      throw Hl7Problem.error(Hl7Problem.DATA_TYPE, "PV1", field, name + " is longer than " + MAX_CODE + " characters");
    }
    return trimmed;
  }

  private static String shorten(String value) {
    return value.length() > 30 ? value.substring(0, 30) + "..." : value;
  }

  private static <T extends Segment> T segment(Message message, String name, Class<T> type) throws Hl7Problem {
    if (!Arrays.asList(message.getNames()).contains(name)) {
      return null;
    }
    try {
      Structure structure = message.get(name);
      return type.isInstance(structure) ? type.cast(structure) : null;
    } catch (HL7Exception e) {
      throw Hl7Problem.error(Hl7Problem.SEGMENT_SEQUENCE, name, 0, name + " segment cannot be read");
    }
  }

  @Override
  public void close() throws IOException {
    hapi.close();
  }

  /** A field a movement's time may come from, in order of preference. */
  private record TimeField(String segment, int field, String name, String value) {}

  /**
   * Reads every message as a generic list of 2.5.1 segments, so that a wrong or missing MSH-9.3
   * and segments out of their standard order cannot hide PV1 or EVN.
   */
  private static final class SegmentsOnly extends CanonicalModelClassFactory {

    private static final long serialVersionUID = 1L;

    SegmentsOnly() {
      super("2.5.1");
    }

    @Override
    public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit) {
      return GenericMessage.V251.class;
    }
  }
}
