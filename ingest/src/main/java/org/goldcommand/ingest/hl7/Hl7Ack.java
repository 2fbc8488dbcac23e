package org.goldcommand.ingest.hl7;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.Escaping;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Builds the acknowledgement for a message as pipe-delimited text, by hand rather than through
 * HAPI, so that one can always be written, even for a message HAPI (or this reader) could not
 * read. It answers in the sender's delimiters and HL7 version (2.5.1 when MSH-12 names no HL7 v2
 * version, so the sender can still read the refusal): MSH-9 {@code ACK^<trigger>^ACK}
 * ({@code ACK^<trigger>} for 2.3 and earlier, which had no message structure component), MSA-2
 * the sender's MSH-10, and for AE/AR the reason in MSA-3 and an ERR segment laid out for the
 * version (ERR-1 before 2.5; ERR-2, ERR-3, ERR-4 and ERR-8 from 2.5).
 */
final class Hl7Ack {

  private static final Escaping ESCAPING = new DefaultEscaping();

  /** MSH-3 and MSH-4 of every acknowledgement. */
  static final String RECEIVER = "GOLDCOMMAND";
  /** The version used when the sender's cannot be read. */
  static final String DEFAULT_VERSION = "2.5.1";

  private static final int MAX_REASON = 200;
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1_000);
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx")
      .withZone(Hl7Time.LONDON);
  private static final Pattern HL7_V2_VERSION = Pattern.compile("2\\.[1-9](\\.\\d{1,2})?");
  private static final Set<String> TWO_PART_TYPE = Set.of("2.1", "2.2", "2.3");
  private static final Set<String> LEGACY_ERR = Set.of("2.1", "2.2", "2.3", "2.3.1", "2.4");
  private static final Map<Integer, String> ERROR_TEXT = Map.of(
      Hl7Problem.SEGMENT_SEQUENCE, "Segment sequence error",
      Hl7Problem.REQUIRED_FIELD_MISSING, "Required field missing",
      Hl7Problem.DATA_TYPE, "Data type error",
      Hl7Problem.TABLE_VALUE_NOT_FOUND, "Table value not found",
      Hl7Problem.UNSUPPORTED_MESSAGE_TYPE, "Unsupported message type",
      Hl7Problem.UNSUPPORTED_EVENT, "Unsupported event code",
      Hl7Problem.UNSUPPORTED_VERSION, "Unsupported version id",
      Hl7Problem.DUPLICATE_KEY, "Duplicate key identifier",
      Hl7Problem.INTERNAL, "Application internal error");

  private Hl7Ack() {}

  /** AA: the message is stored. */
  static String accept(MshHeader header, Instant now) {
    return build(header, AckCode.AA, null, now);
  }

  /** AE or AR with the reason; {@code header} is null when the MSH could not be read. */
  static String refuse(MshHeader header, Hl7Problem problem, Instant now) {
    return build(header, problem.ackCode(), problem, now);
  }

  private static String build(MshHeader header, AckCode code, Hl7Problem problem, Instant now) {
    EncodingCharacters encoding = header != null ? header.encoding() : EncodingCharacters.defaultInstance();
    String fs = String.valueOf(encoding.getFieldSeparator());
    String cs = String.valueOf(encoding.getComponentSeparator());
    String version = header != null ? header.version() : "";
    String trigger = header != null ? header.trigger() : "";
    String type = trigger.isEmpty() ? "ACK"
        : "ACK" + cs + escape(trigger, encoding) + (TWO_PART_TYPE.contains(version) ? "" : cs + "ACK");
    String processing = header != null && !header.raw(11).isEmpty() ? header.raw(11) : "P";
    StringBuilder ack = new StringBuilder(256)
        .append("MSH").append(fs).append(header != null ? header.raw(2) : encodingText(encoding))
        .append(fs).append(RECEIVER).append(fs).append(RECEIVER)
        .append(fs).append(header != null ? header.raw(3) : "").append(fs).append(header != null ? header.raw(4) : "")
        .append(fs).append(TIMESTAMP.format(now)).append(fs)
        .append(fs).append(type).append(fs).append("GC").append(SEQUENCE.incrementAndGet())
        .append(fs).append(processing).append(fs)
        .append(HL7_V2_VERSION.matcher(version).matches() ? header.raw(12) : DEFAULT_VERSION)
        .append('\r')
        .append("MSA").append(fs).append(code).append(fs).append(header != null ? header.raw(10) : "");
    if (problem != null) {
      String reason = escape(problem.reason(), encoding);
      ack.append(fs).append(reason).append('\r').append(err(problem, reason, encoding, version));
    }
    return ack.append('\r').toString();
  }

  private static String err(Hl7Problem problem, String reason, EncodingCharacters encoding, String version) {
    String fs = String.valueOf(encoding.getFieldSeparator());
    String cs = String.valueOf(encoding.getComponentSeparator());
    String ss = String.valueOf(encoding.getSubcomponentSeparator());
    String segment = problem.segment() == null ? "" : problem.segment();
    String sequence = problem.segment() == null ? "" : "1";
    String field = problem.field() > 0 ? String.valueOf(problem.field()) : "";
    String text = ERROR_TEXT.getOrDefault(problem.errorCode(), "Application error");
    if (LEGACY_ERR.contains(version)) {
      return "ERR" + fs + segment + cs + sequence + cs + field + cs + problem.errorCode() + ss + reason + ss
          + "HL70357";
    }
    String location = segment.isEmpty() ? "" : segment + cs + sequence + (field.isEmpty() ? "" : cs + field);
    return "ERR" + fs + fs + location + fs + problem.errorCode() + cs + text + cs + "HL70357" + fs + "E"
        + fs + fs + fs + fs + reason;
  }

  private static String escape(String text, EncodingCharacters encoding) {
    String clean = text.replaceAll("\\p{Cntrl}", " ");
    return ESCAPING.escape(clean.length() > MAX_REASON ? clean.substring(0, MAX_REASON) : clean, encoding);
  }

  private static String encodingText(EncodingCharacters encoding) {
    return "" + encoding.getComponentSeparator() + encoding.getRepetitionSeparator()
        + encoding.getEscapeCharacter() + encoding.getSubcomponentSeparator();
  }
}
