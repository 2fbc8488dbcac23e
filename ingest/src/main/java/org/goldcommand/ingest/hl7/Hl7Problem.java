package org.goldcommand.ingest.hl7;

/**
 * Why a message was not accepted, in the terms an HL7 acknowledgement carries: the acknowledgement
 * code, an HL7 table 0357 error code, where in the message the problem is and a reason a person at
 * the sending trust can act on. Reasons never quote patient data, since they travel back to the
 * sender and onto the rejections topic.
 */
final class Hl7Problem extends Exception {

  private static final long serialVersionUID = 1L;

  /** HL7 table 0357: segment sequence error (a segment missing or out of place). */
  static final int SEGMENT_SEQUENCE = 100;
  /** HL7 table 0357: required field missing. */
  static final int REQUIRED_FIELD_MISSING = 101;
  /** HL7 table 0357: data type error. */
  static final int DATA_TYPE = 102;
  /** HL7 table 0357: table value not found. */
  static final int TABLE_VALUE_NOT_FOUND = 103;
  /** HL7 table 0357: unsupported message type. */
  static final int UNSUPPORTED_MESSAGE_TYPE = 200;
  /** HL7 table 0357: unsupported event code. */
  static final int UNSUPPORTED_EVENT = 201;
  /** HL7 table 0357: unsupported version id. */
  static final int UNSUPPORTED_VERSION = 203;
  /** HL7 table 0357: duplicate key identifier. */
  static final int DUPLICATE_KEY = 205;
  /** HL7 table 0357: application internal error. */
  static final int INTERNAL = 207;

  private final AckCode ackCode;
  private final int errorCode;
  private final String segment;
  private final int field;

  private Hl7Problem(AckCode ackCode, int errorCode, String segment, int field, String reason) {
    super(reason, null, false, false);
    this.ackCode = ackCode;
    this.errorCode = errorCode;
    this.segment = segment;
    this.field = field;
  }

  /** The message is refused for what it is (type, version, sender, framing): do not resend it as it is. */
  static Hl7Problem rejected(int errorCode, String segment, int field, String reason) {
    return new Hl7Problem(AckCode.AR, errorCode, segment, field, reason);
  }

  /** The message was understood but its content is wrong, or it cannot be stored just now. */
  static Hl7Problem error(int errorCode, String segment, int field, String reason) {
    return new Hl7Problem(AckCode.AE, errorCode, segment, field, reason);
  }

  AckCode ackCode() {
    return ackCode;
  }

  int errorCode() {
    return errorCode;
  }

  /** The segment at fault, or null when the problem is not in one segment. */
  String segment() {
    return segment;
  }

  /** The field position at fault, or 0. */
  int field() {
    return field;
  }

  String reason() {
    return getMessage();
  }
}
