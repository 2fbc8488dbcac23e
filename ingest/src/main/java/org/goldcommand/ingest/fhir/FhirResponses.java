package org.goldcommand.ingest.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.ingest.feed.FeedIntake;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The FHIR answers ingest gives: an {@code OperationOutcome} naming every problem (or, on success,
 * every event id stored, since Gold Command keeps events rather than the Encounter), and for a
 * Bundle a {@code batch-response} or {@code transaction-response} with one entry per entry sent.
 */
public final class FhirResponses {

  /** The media type of every answer. */
  public static final String MEDIA_TYPE = "application/fhir+json; charset=utf-8";

  private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(202, "Accepted"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(413, "Content Too Large"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"),
      Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

  private FhirResponses() {}

  /** An OperationOutcome with one error per issue. */
  public static OperationOutcome errors(List<FhirIssue> issues) {
    OperationOutcome outcome = new OperationOutcome();
    for (FhirIssue issue : issues) {
      var entry = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(issue.type())
          .setDiagnostics(issue.message());
      if (issue.expression() != null) {
        entry.addExpression(issue.expression());
      }
    }
    return outcome;
  }

  /** An OperationOutcome with one error, about the request as a whole. */
  public static OperationOutcome error(int status, IssueType type, String message) {
    return errors(List.of(new FhirIssue(status, type, null, message)));
  }

  /** An OperationOutcome listing what was stored: one information issue per event, its id the diagnostics. */
  public static OperationOutcome stored(List<FeedIntake.Accepted<AttendanceEvent>> accepted) {
    OperationOutcome outcome = new OperationOutcome();
    for (FeedIntake.Accepted<AttendanceEvent> event : accepted) {
      AttendanceEvent data = event.envelope().data();
      outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
          .setDiagnostics(event.receipt())
          .getDetails().setText("Stored " + data.event() + " at " + data.at() + " for attendance "
              + data.attendanceId() + " at " + data.siteCode());
    }
    return outcome;
  }

  /** The answer to a stored Bundle: each entry {@code 202 Accepted} with its events, or its own error. */
  public static Bundle bundle(FhirSubmission.Plan plan) {
    Bundle response = new Bundle().setType(plan.bundleType() == BundleType.TRANSACTION
        ? BundleType.TRANSACTIONRESPONSE : BundleType.BATCHRESPONSE);
    for (FhirSubmission.Entry entry : plan.entries()) {
      var answer = response.addEntry().getResponse();
      if (entry.refused()) {
        answer.setStatus(status(FhirIssue.statusOf(entry.issues()))).setOutcome(errors(entry.issues()));
      } else {
        answer.setStatus(status(202)).setOutcome(stored(entry.accepted()));
      }
    }
    return response;
  }

  /** What this endpoint can do, for FHIR clients that ask before they send. */
  public static CapabilityStatement capabilities(Instant now) {
    CapabilityStatement statement = new CapabilityStatement();
    statement.setStatus(Enumerations.PublicationStatus.ACTIVE)
        .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
        .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
        .setDescription("Gold Command ingest: A&E attendances as FHIR R4 Encounters (class EMER), stored as "
            + "attendance events. Write only.")
        .addFormat("application/fhir+json").addFormat("application/json")
        .setDate(Date.from(now));
    var rest = statement.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
    rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
    var encounter = rest.addResource().setType("Encounter");
    encounter.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
    encounter.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
    return statement;
  }

  /** A status line as FHIR writes it in {@code Bundle.entry.response.status}, for example {@code 202 Accepted}. */
  public static String status(int code) {
    return code + " " + REASONS.getOrDefault(code, "");
  }

  /** The resource as FHIR JSON. */
  public static String encode(IBaseResource resource) {
    return FhirReader.context().newJsonParser().encodeResourceToString(resource);
  }
}
