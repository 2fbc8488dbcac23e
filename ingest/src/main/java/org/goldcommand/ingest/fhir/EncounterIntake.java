package org.goldcommand.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.feed.FeedIntake;
import org.goldcommand.ingest.feeds.Feeds;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One Encounter through the same door as every NDJSON attendance event: each mapped event is
 * turned back into the attendance JSON and checked by {@link FeedIntake} with
 * {@link Feeds#ED_ATTENDANCE}, so a FHIR submission meets exactly the schema, site, authorisation
 * and clock checks, and gets exactly the event ids, that the same events sent as NDJSON would. A
 * re-sent Encounter therefore maps to the same ids. Refusals name the FHIR element the bad value
 * came from, not the attendance field.
 */
public final class EncounterIntake {

  /** Attendance fields in words, to say what a FHIR value was read as. */
  private static final Map<String, String> FIELDS = Map.of("attendanceId", "reference", "siteCode", "site",
      "at", "time", "event", "step", "arrivalMode", "arrival mode", "acuity", "acuity");

  private final EncounterMapper mapper;
  private final FeedIntake<AttendanceEvent> intake;

  public EncounterIntake(ReferenceData reference) {
    this.mapper = new EncounterMapper(code -> reference.ownerOfSite(code).isPresent());
    this.intake = new FeedIntake<>(Feeds.ED_ATTENDANCE, reference);
  }

  /**
   * The events of one Encounter ready to send, or why it is refused.
   *
   * @param accepted every event, in the order of the attendance, when none is refused
   * @param issues everything wrong, with FHIRPaths rooted at the Encounter's place in the request
   * @param orgCode the organisation the Encounter is about, when known (for feed status)
   */
  public record Result(List<FeedIntake.Accepted<AttendanceEvent>> accepted, List<FhirIssue> issues,
      String orgCode) {

    public boolean refused() {
      return !issues.isEmpty();
    }
  }

  /**
   * Checks one Encounter sent by {@code client} at {@code now}; {@code root} is where it sits in the
   * request ({@code Encounter}, or {@code Bundle.entry[2].resource}).
   */
  public Result check(Encounter encounter, ApiClient client, Instant now, String root) {
    EncounterMapper.Mapping mapping = mapper.map(encounter);
    if (!mapping.issues().isEmpty()) {
      return new Result(List.of(), rebase(mapping.issues(), root), null);
    }
    List<FeedIntake.Accepted<AttendanceEvent>> accepted = new ArrayList<>();
    Set<FhirIssue> issues = new LinkedHashSet<>();
    String orgCode = null;
    for (EncounterMapper.MappedEvent mapped : mapping.events()) {
      JsonNode node = Json.mapper().valueToTree(mapped.event());
      FeedIntake.Checked<AttendanceEvent> checked = intake.check(node, client, now);
      if (checked.accepted() != null) {
        accepted.add(checked.accepted());
        orgCode = checked.accepted().orgCode();
        continue;
      }
      FeedIntake.Refused refused = checked.refused();
      orgCode = refused.orgCode() != null ? refused.orgCode() : orgCode;
      IssueType type = switch (refused.status()) {
        case 403 -> IssueType.FORBIDDEN;
        case 400 -> IssueType.VALUE;
        default -> IssueType.BUSINESSRULE;
      };
      for (Violation violation : refused.violations()) {
        String field = violation.path().contains(".") ? violation.path().substring(0, violation.path().indexOf('.'))
            : violation.path();
        String message = violation.message();
        if (refused.status() != 403 && FIELDS.containsKey(field)) {
          message = message + " (read as the attendance's " + FIELDS.get(field) + ")";
        }
        issues.add(new FhirIssue(refused.status(), type, mapped.source(field), message));
      }
    }
    if (!issues.isEmpty()) {
      return new Result(List.of(), rebase(List.copyOf(issues), root), orgCode);
    }
    return new Result(List.copyOf(accepted), List.of(), orgCode);
  }

  private static List<FhirIssue> rebase(List<FhirIssue> issues, String root) {
    return issues.stream().map(i -> i.rebased("Encounter", root)).toList();
  }
}
