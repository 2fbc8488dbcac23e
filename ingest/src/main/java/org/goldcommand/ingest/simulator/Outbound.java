package org.goldcommand.ingest.simulator;

import java.time.Instant;

/**
 * Something the scenario has to send, in the format the sending system would use, stamped with
 * its business time: the simulator sends it once the simulated clock has passed that time.
 */
public sealed interface Outbound {

  /** The business time: when this was true or happened. */
  Instant at();

  /** The organisation whose system sends it. */
  String orgCode();

  /** A JSON record for one of ingest's HTTP feeds. */
  record FeedRecord(Feed feed, String orgCode, Instant at, Object record) implements Outbound {}

  /** An HL7 v2 ADT message for the MLLP listener, segments separated by carriage returns. */
  record Hl7Message(String orgCode, Instant at, String controlId, String text) implements Outbound {}

  /** A FHIR R4 Encounter (JSON) for {@code POST /fhir/Encounter}. */
  record FhirEncounter(String orgCode, Instant at, String attendanceId, String json) implements Outbound {}
}
