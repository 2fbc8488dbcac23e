package org.goldcommand.ingest.hl7;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.Escaping;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MSH segment read by hand, before and independently of HAPI, because an acknowledgement must
 * be built even for a message HAPI cannot parse: it needs the sender's delimiters, its control id
 * (MSA-2), version (the ACK's MSH-12) and identity. Raw values are kept for echoing back in the
 * sender's own encoding; {@link #value} gives the unescaped first component.
 */
final class MshHeader {

  private static final Escaping ESCAPING = new DefaultEscaping();

  private static final Pattern DELIMITER = Pattern.compile("[^A-Za-z0-9\\s]");

  private final EncodingCharacters encoding;
  private final List<String> fields;

  private MshHeader(EncodingCharacters encoding, List<String> fields) {
    this.encoding = encoding;
    this.fields = fields;
  }

  /** Reads the first segment, which must be a well-delimited MSH. */
  static MshHeader read(String firstSegment) throws Hl7Problem {
    if (firstSegment == null || !firstSegment.startsWith("MSH")) {
      throw Hl7Problem.rejected(Hl7Problem.SEGMENT_SEQUENCE, "MSH", 0,
          "the message does not start with an MSH segment");
    }
    if (firstSegment.length() < 8) {
      throw Hl7Problem.rejected(Hl7Problem.REQUIRED_FIELD_MISSING, "MSH", 0, "the MSH segment is cut short");
    }
    if (!DELIMITER.matcher(firstSegment.substring(3, 4)).matches()) {
      throw Hl7Problem.rejected(Hl7Problem.DATA_TYPE, "MSH", 1, "MSH-1 field separator is missing or invalid");
    }
    char separator = firstSegment.charAt(3);
    int end = firstSegment.indexOf(separator, 4);
    String delimiters = firstSegment.substring(4, end < 0 ? firstSegment.length() : end);
    if (delimiters.length() < 4 || delimiters.length() > 5
        || delimiters.chars().distinct().count() != delimiters.length()
        || delimiters.indexOf(separator) >= 0
        || !DELIMITER.matcher(delimiters).replaceAll("").isEmpty()) {
      throw Hl7Problem.rejected(Hl7Problem.DATA_TYPE, "MSH", 2,
          "MSH-2 encoding characters are missing or invalid (expected ^~\\&)");
    }
    EncodingCharacters encoding = new EncodingCharacters(separator, delimiters.substring(0, 4));
    String[] split = firstSegment.split(Pattern.quote(String.valueOf(separator)), -1);
    // split[0] is "MSH" and split[1] MSH-2; MSH-1 is the separator itself, so shift by one.
    String[] fields = new String[split.length + 1];
    fields[0] = "MSH";
    fields[1] = String.valueOf(separator);
    System.arraycopy(split, 1, fields, 2, split.length - 1);
    return new MshHeader(encoding, List.of(fields));
  }

  /** The sender's delimiters, for escaping text written back to it. */
  EncodingCharacters encoding() {
    return encoding;
  }

  /** MSH-n exactly as sent (escaped, all components), or empty. */
  String raw(int n) {
    return n < fields.size() ? fields.get(n) : "";
  }

  /** Component {@code c} (1-based) of the first repetition of MSH-n, unescaped and trimmed. */
  String component(int n, int c) {
    String field = raw(n);
    int rep = field.indexOf(encoding.getRepetitionSeparator());
    String first = rep < 0 ? field : field.substring(0, rep);
    String[] parts = first.split(Pattern.quote(String.valueOf(encoding.getComponentSeparator())), -1);
    if (c > parts.length) {
      return "";
    }
    String part = parts[c - 1];
    int sub = part.indexOf(encoding.getSubcomponentSeparator());
    return ESCAPING.unescape(sub < 0 ? part : part.substring(0, sub), encoding).trim();
  }

  /** The first component of MSH-n, unescaped and trimmed. */
  String value(int n) {
    return component(n, 1);
  }

  /** MSH-3 sending application. */
  String application() {
    return value(3);
  }

  /** MSH-4 sending facility (its namespace id). */
  String facility() {
    return value(4);
  }

  /** MSH-9.1 message type, for example ADT. */
  String messageType() {
    return component(9, 1);
  }

  /** MSH-9.2 trigger event, for example A01. */
  String trigger() {
    return component(9, 2);
  }

  /** MSH-10 message control id. */
  String controlId() {
    return value(10);
  }

  /** MSH-12 version id, for example 2.4. */
  String version() {
    return value(12);
  }
}
