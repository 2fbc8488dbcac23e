package org.goldcommand.ingest.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.AttendanceEvent.ArrivalMode;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;
import org.goldcommand.ingest.fhir.EncounterCodes.Found;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterLocationComponent;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;

/**
 * Turns one FHIR R4 Encounter into the A&amp;E attendance events it stands for: arrival, initial
 * assessment, seen, decision to admit and departure, each at the time the Encounter records. A
 * pure function of the resource (and of which site codes exist): nothing here knows about HTTP or
 * Kafka, so every rule in {@code docs/fhir.md} is tested on resources alone.
 *
 * <p>Only the six fields of {@link AttendanceEvent} are ever read out. The subject, contained
 * patients, participants, diagnoses and the rest are never touched, so no patient data can reach
 * Kafka through here.
 */
public final class EncounterMapper {

  /** What each event field was read from, keyed by the field's JSON name. */
  public record MappedEvent(AttendanceEvent event, Map<String, String> sources) {

    /** The FHIRPath a field of the event came from; the Encounter itself when it had no one source. */
    public String source(String field) {
      return sources.getOrDefault(field, "Encounter");
    }
  }

  /** The events an Encounter stands for, or everything that stops it being read as an attendance. */
  public record Mapping(List<MappedEvent> events, List<FhirIssue> issues) {}

  private final Predicate<String> knownSite;

  /** @param knownSite whether an ODS code is a site Gold Command knows, to choose among several */
  public EncounterMapper(Predicate<String> knownSite) {
    this.knownSite = knownSite;
  }

  /** The attendance events in an Encounter, or its issues (and then no events). */
  public Mapping map(Encounter encounter) {
    List<FhirIssue> issues = new ArrayList<>();
    checkClass(encounter, issues);
    checkStatus(encounter, issues);
    Found<String> id = EncounterSources.attendanceId(encounter, issues);
    Found<String> site = EncounterSources.site(encounter, knownSite, issues);

    Map<AttendanceStep, Found<Instant>> steps = new LinkedHashMap<>();
    Found<Instant> arrival = time(encounter.getPeriod().getStartElement(), "Encounter.period.start", issues);
    if (arrival == null) {
      arrival = earliestInHistory(encounter, EncounterStatus.ARRIVED, issues);
    }
    if (arrival == null) {
      issues.add(FhirIssue.business("Encounter.period.start", "is required: the time the patient arrived"));
    }
    steps.put(AttendanceStep.ARRIVAL, arrival);
    steps.put(AttendanceStep.INITIAL_ASSESSMENT, earliestInHistory(encounter, EncounterStatus.TRIAGED, issues));
    steps.put(AttendanceStep.SEEN, earliestInHistory(encounter, EncounterStatus.INPROGRESS, issues));
    steps.put(AttendanceStep.DECISION_TO_ADMIT, bedRequested(encounter, issues));
    steps.put(AttendanceStep.DEPARTURE, departure(encounter, issues));
    checkOrder(steps, issues);
    if (!issues.isEmpty()) {
      return new Mapping(List.of(), issues);
    }

    Found<ArrivalMode> mode = EncounterCodes.arrivalMode(encounter);
    Found<Integer> acuity = EncounterCodes.acuity(encounter);
    List<MappedEvent> events = new ArrayList<>();
    steps.forEach((step, at) -> {
      if (at == null) {
        return;
      }
      // Acuity is the outcome of triage: ARRIVAL leaves it out, so an Encounter re-sent after triage
      // keeps its arrival event (and that event's id) unchanged.
      Integer stepAcuity = step == AttendanceStep.ARRIVAL ? null : acuity.value();
      events.add(new MappedEvent(new AttendanceEvent(id.value(), site.value(), step, at.value(), mode.value(),
          stepAcuity), Map.of("attendanceId", id.path(), "siteCode", site.path(), "event", at.path(),
          "at", at.path(), "arrivalMode", mode.path(), "acuity", acuity.path())));
    });
    return new Mapping(List.copyOf(events), List.of());
  }

  private static void checkClass(Encounter encounter, List<FhirIssue> issues) {
    if (!encounter.hasClass_()) {
      issues.add(FhirIssue.required("Encounter.class", "is required: an A&E attendance has class EMER (v3-ActCode)"));
      return;
    }
    boolean wasEmergency = encounter.getClassHistory().stream().anyMatch(h -> isEmergency(h.getClass_()));
    if (!isEmergency(encounter.getClass_()) && !wasEmergency) {
      issues.add(FhirIssue.business("Encounter.class", "is " + encounter.getClass_().getCode()
          + ", not EMER: only emergency encounters are A&E attendances"));
    }
  }

  static boolean isEmergency(Coding coding) {
    return "EMER".equals(coding.getCode()) && (!coding.hasSystem() || coding.getSystem().contains("v3-Act"));
  }

  private static void checkStatus(Encounter encounter, List<FhirIssue> issues) {
    EncounterStatus status = encounter.getStatus();
    if (status == null) {
      issues.add(FhirIssue.required("Encounter.status", "is required"));
      return;
    }
    String why = switch (status) {
      case PLANNED -> "the patient has not arrived yet; send the Encounter once they have";
      case CANCELLED -> "a cancelled encounter is not an attendance";
      case ENTEREDINERROR -> "Gold Command keeps events, which cannot be withdrawn; send a corrected Encounter instead";
      default -> null;
    };
    if (why != null) {
      issues.add(FhirIssue.business("Encounter.status", "is " + status.toCode() + ": " + why));
    }
  }

  /** The earliest start of a statusHistory entry with the status: when the attendance reached it. */
  private static Found<Instant> earliestInHistory(Encounter encounter, EncounterStatus status, List<FhirIssue> issues) {
    Found<Instant> earliest = null;
    for (int i = 0; i < encounter.getStatusHistory().size(); i++) {
      var entry = encounter.getStatusHistory().get(i);
      if (entry.getStatus() == status) {
        earliest = earlier(earliest,
            time(entry.getPeriod().getStartElement(), "Encounter.statusHistory[" + i + "].period.start", issues));
      }
    }
    return earliest;
  }

  /** A bed planned on a ward (or a bed) for the patient: the decision to admit. */
  private static Found<Instant> bedRequested(Encounter encounter, List<FhirIssue> issues) {
    Found<Instant> earliest = null;
    for (int i = 0; i < encounter.getLocation().size(); i++) {
      EncounterLocationComponent location = encounter.getLocation().get(i);
      boolean ward = location.getPhysicalType().getCoding().stream()
          .anyMatch(c -> "wa".equals(c.getCode()) || "bd".equals(c.getCode()));
      if (location.getStatus() == Encounter.EncounterLocationStatus.PLANNED && ward) {
        earliest = earlier(earliest,
            time(location.getPeriod().getStartElement(), "Encounter.location[" + i + "].period.start", issues));
      }
    }
    return earliest;
  }

  /**
   * When the patient left the department: the end of the EMER class period when the Encounter has
   * since become another class (an admission), else, once finished, {@code period.end} or the start
   * of the {@code finished} statusHistory entry.
   */
  private static Found<Instant> departure(Encounter encounter, List<FhirIssue> issues) {
    if (encounter.hasClass_() && !isEmergency(encounter.getClass_())) {
      for (int i = 0; i < encounter.getClassHistory().size(); i++) {
        var entry = encounter.getClassHistory().get(i);
        if (isEmergency(entry.getClass_()) && entry.getPeriod().hasEnd()) {
          return time(entry.getPeriod().getEndElement(), "Encounter.classHistory[" + i + "].period.end", issues);
        }
      }
    }
    if (encounter.getStatus() != EncounterStatus.FINISHED) {
      return null;
    }
    Found<Instant> end = time(encounter.getPeriod().getEndElement(), "Encounter.period.end", issues);
    if (end == null) {
      end = earliestInHistory(encounter, EncounterStatus.FINISHED, issues);
    }
    if (end == null) {
      issues.add(FhirIssue.business("Encounter.period.end",
          "is required when the status is finished: the time the patient left the department"));
    }
    return end;
  }

  /** Nothing happens before the arrival, and nothing after the departure. */
  private static void checkOrder(Map<AttendanceStep, Found<Instant>> steps, List<FhirIssue> issues) {
    Found<Instant> arrival = steps.get(AttendanceStep.ARRIVAL);
    Found<Instant> departure = steps.get(AttendanceStep.DEPARTURE);
    steps.forEach((step, at) -> {
      if (at == null || step == AttendanceStep.ARRIVAL) {
        return;
      }
      if (arrival != null && at.value().isBefore(arrival.value())) {
        issues.add(FhirIssue.business(at.path(), "is " + at.value() + ", before the arrival at " + arrival.value()
            + " (" + arrival.path() + ")"));
      } else if (departure != null && step != AttendanceStep.DEPARTURE && at.value().isAfter(departure.value())) {
        issues.add(FhirIssue.business(at.path(), "is " + at.value() + ", after the departure at "
            + departure.value() + " (" + departure.path() + ")"));
      }
    });
  }

  /**
   * A point in time from a dateTime, which must give the time of day and its offset from UTC: a
   * date alone cannot place an attendance on a four-hour clock.
   */
  static Found<Instant> time(DateTimeType value, String path, List<FhirIssue> issues) {
    if (value == null || value.getValue() == null) {
      return null;
    }
    if (value.getPrecision().ordinal() < TemporalPrecisionEnum.MINUTE.ordinal()) {
      issues.add(FhirIssue.business(path, "is " + value.getValueAsString()
          + ", a date without a time of day; give the time, such as 2025-01-20T09:30:00Z"));
      return null;
    }
    if (!value.getValueAsString().matches(".*(Z|[+-]\\d\\d:\\d\\d)$")) {
      issues.add(FhirIssue.invalid(path, "is " + value.getValueAsString()
          + ", a time without an offset from UTC; FHIR requires one (Z or +01:00)"));
      return null;
    }
    return new Found<>(value.getValue().toInstant(), path);
  }

  private static Found<Instant> earlier(Found<Instant> a, Found<Instant> b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.value().isBefore(a.value()) ? a : b;
  }
}
