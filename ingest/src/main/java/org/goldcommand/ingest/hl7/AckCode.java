package org.goldcommand.ingest.hl7;

/**
 * HL7 original-mode acknowledgement codes (MSA-1): what the sender's interface engine acts on,
 * so each has one meaning here.
 */
enum AckCode {
  /** Kafka holds the event (or held it already, for a re-sent control id). */
  AA,
  /** Understood but wrong in content, or not stored just now; fix it or resend it. */
  AE,
  /** Refused for what it is: message type, version, sender, organisation or framing. */
  AR
}
