package org.goldcommand.ingest.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;
import org.goldcommand.events.serde.Json;

/**
 * Writes an A&amp;E attendance as a FHIR R4 {@code Encounter} the way an ED system that speaks
 * FHIR pushes it after each step: class {@code EMER}, the attendance reference as identifier, the
 * department's site code as service provider, {@code period} from arrival to departure, the
 * statuses so far in {@code statusHistory} (arrived, triaged, in progress), and once a bed is
 * asked for, a {@code planned} ward {@code location} from the decision to admit. No
 * {@code subject}: nothing identifies the patient.
 */
final class FhirEncounters {

  /** Identifier system for the simulated trusts' attendance references. */
  static final String ATTENDANCE_SYSTEM = "https://goldcommand.org/fhir/sid/ed-attendance";
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String PHYSICAL_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/location-physical-type";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FhirEncounters() {}

  /** The Encounter as it stands once {@code step} has happened. */
  static String encounter(Attendance a, String siteCode, AttendanceStep step) {
    ObjectNode encounter = NODES.objectNode().put("resourceType", "Encounter");
    encounter.putArray("identifier").addObject().put("system", ATTENDANCE_SYSTEM).put("value", a.id());
    encounter.put("status", status(step));
    ArrayNode history = encounter.putArray("statusHistory");
    history(history, "arrived", a.arrival(), step.compareTo(AttendanceStep.ARRIVAL) > 0 ? a.assessed() : null);
    if (step.compareTo(AttendanceStep.INITIAL_ASSESSMENT) >= 0) {
      history(history, "triaged", a.assessed(), step.compareTo(AttendanceStep.INITIAL_ASSESSMENT) > 0 ? a.seen() : null);
    }
    if (step.compareTo(AttendanceStep.SEEN) >= 0) {
      history(history, "in-progress", a.seen(), step == AttendanceStep.DEPARTURE ? a.departure() : null);
    }
    encounter.putObject("class").put("system", ACT_CODE_SYSTEM).put("code", "EMER").put("display", "emergency");
    ObjectNode period = encounter.putObject("period").put("start", a.arrival().toString());
    if (step == AttendanceStep.DEPARTURE) {
      period.put("end", a.departure().toString());
    }
    if (a.decisionToAdmit() != null && step.compareTo(AttendanceStep.DECISION_TO_ADMIT) >= 0) {
      ObjectNode ward = encounter.putArray("location").addObject();
      ward.putObject("location").put("display", "Admitting ward");
      ward.put("status", "planned");
      ward.putObject("physicalType").putArray("coding").addObject().put("system", PHYSICAL_TYPE_SYSTEM).put("code", "wa");
      ward.putObject("period").put("start", a.decisionToAdmit().toString());
    }
    encounter.putObject("serviceProvider").putObject("identifier").put("system", ODS_SYSTEM).put("value", siteCode);
    try {
      return Json.mapper().writeValueAsString(encounter);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an Encounter", e);
    }
  }

  private static String status(AttendanceStep step) {
    return switch (step) {
      case ARRIVAL -> "arrived";
      case INITIAL_ASSESSMENT -> "triaged";
      case SEEN, DECISION_TO_ADMIT -> "in-progress";
      case DEPARTURE -> "finished";
    };
  }

  private static void history(ArrayNode history, String status, Instant start, Instant end) {
    ObjectNode period = history.addObject().put("status", status).putObject("period").put("start", start.toString());
    if (end != null) {
      period.put("end", end.toString());
    }
  }
}
