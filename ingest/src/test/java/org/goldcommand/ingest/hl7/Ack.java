package org.goldcommand.ingest.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * An acknowledgement as the sender's engine would read it: parsed by HAPI (so a test fails on any
 * ACK that is not well-formed HL7), with the fields tests look at.
 */
record Ack(String code, String controlId, String text, String messageType, String trigger, String version,
    String errorCode, String errorText, String raw) {

  static Ack parse(String raw) {
    PipeParser parser = new PipeParser(new CanonicalModelClassFactory("2.5.1"));
    parser.setValidationContext(ValidationContextFactory.noValidation());
    try {
      Message message = parser.parse(raw);
      Terser t = new Terser(message);
      String version = t.get("/MSH-12");
      boolean legacy = java.util.Set.of("2.1", "2.2", "2.3", "2.3.1", "2.4").contains(version);
      return new Ack(t.get("/MSA-1"), t.get("/MSA-2"), t.get("/MSA-3"), t.get("/MSH-9-1"), t.get("/MSH-9-2"),
          version, legacy ? t.get("/ERR-1-4-1") : t.get("/ERR-3-1"), legacy ? t.get("/ERR-1-4-2") : t.get("/ERR-8"),
          raw);
    } catch (HL7Exception e) {
      throw new AssertionError("Not a well-formed HL7 acknowledgement: " + raw.replace('\r', '\n'), e);
    }
  }

  @Override
  public String toString() {
    return raw.replace('\r', '\n');
  }
}
