package org.goldcommand.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldcommand.events.ed.AttendanceEvent.AttendanceStep.ARRIVAL;
import static org.goldcommand.events.ed.AttendanceEvent.AttendanceStep.DECISION_TO_ADMIT;
import static org.goldcommand.events.ed.AttendanceEvent.AttendanceStep.DEPARTURE;
import static org.goldcommand.events.ed.AttendanceEvent.AttendanceStep.INITIAL_ASSESSMENT;
import static org.goldcommand.events.ed.AttendanceEvent.AttendanceStep.SEEN;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.AttendanceEvent.ArrivalMode;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Test;

/** The mapping rules of docs/fhir.md, one by one, on example Encounters. */
class EncounterMapperTest {

  static final ReferenceData REFERENCE = ReferenceDataLoader.demo();
  final EncounterMapper mapper = new EncounterMapper(code -> REFERENCE.ownerOfSite(code).isPresent());

  @Test
  void aFinishedAttendanceIsEveryStepFromItsStatusHistoryAndPeriod() {
    List<AttendanceEvent> events = events(FhirExamples.FINISHED);
    assertThat(events).extracting(AttendanceEvent::event).containsExactly(ARRIVAL, INITIAL_ASSESSMENT, SEEN, DEPARTURE);
    assertThat(events).extracting(AttendanceEvent::at).containsExactly(Instant.parse("2025-01-20T08:15:00Z"),
        Instant.parse("2025-01-20T08:31:00Z"), Instant.parse("2025-01-20T09:40:00Z"),
        Instant.parse("2025-01-20T11:55:00Z"));
    assertThat(events).allSatisfy(e -> {
      assertThat(e.attendanceId()).isEqualTo("AE-2025-000123");
      assertThat(e.siteCode()).as("the known site wins over the trust code RXN").isEqualTo("RXN02");
      assertThat(e.arrivalMode()).isEqualTo(ArrivalMode.AMBULANCE);
    });
    assertThat(events).extracting(AttendanceEvent::acuity).containsExactly(null, 2, 2, 2);
  }

  @Test
  void eachFieldNamesTheElementItCameFrom() {
    EncounterMapper.MappedEvent seen = mapper.map(FhirExamples.encounter(FhirExamples.FINISHED)).events().get(2);
    assertThat(seen.source("at")).isEqualTo("Encounter.statusHistory[2].period.start");
    assertThat(seen.source("attendanceId")).isEqualTo("Encounter.identifier[0].value");
    assertThat(seen.source("siteCode")).isEqualTo("Encounter.location[0].location.identifier.value");
    assertThat(seen.source("arrivalMode")).isEqualTo("Encounter.hospitalization.admitSource");
    assertThat(seen.source("acuity")).isEqualTo("Encounter.priority");
  }

  @Test
  void anEmergencyThatBecameAnAdmissionDepartsWhenItsClassChanged() {
    List<AttendanceEvent> events = events(FhirExamples.BECAME_INPATIENT);
    assertThat(events).extracting(AttendanceEvent::event).containsExactly(ARRIVAL, INITIAL_ASSESSMENT, SEEN, DEPARTURE);
    assertThat(events.get(3).at()).isEqualTo(Instant.parse("2025-02-01T09:27:00Z"));
    assertThat(events.get(0).attendanceId()).as("no identifier, so Encounter.id").isEqualTo("emerg");
    assertThat(events.get(0).siteCode()).isEqualTo("RXL01");
    assertThat(events.get(0).arrivalMode()).as("admit-source emd says nothing of how they came").isNull();
    assertThat(events.get(3).acuity()).isNull();
  }

  @Test
  void containedLocationsAndExtensionsAreRead() {
    List<AttendanceEvent> events = events(FhirExamples.CONTAINED);
    assertThat(events).extracting(AttendanceEvent::event).containsExactly(ARRIVAL, INITIAL_ASSESSMENT, SEEN);
    assertThat(events.get(0).siteCode()).isEqualTo("RXN01");
    assertThat(events.get(0).attendanceId()).isEqualTo("CSR-778812");
    assertThat(events.get(0).arrivalMode()).isEqualTo(ArrivalMode.WALK_IN);
    assertThat(events.get(1).acuity()).isEqualTo(4);
  }

  @Test
  void aPlannedWardBedIsTheDecisionToAdmit() {
    List<AttendanceEvent> events = events(FhirExamples.DECISION_TO_ADMIT);
    assertThat(events).extracting(AttendanceEvent::event)
        .containsExactly(ARRIVAL, INITIAL_ASSESSMENT, SEEN, DECISION_TO_ADMIT);
    assertThat(events.get(3).at()).isEqualTo(Instant.parse("2025-01-06T16:30:00Z"));
    assertThat(events.get(3).acuity()).as("v3-ActPriority EM").isEqualTo(2);
    assertThat(events.get(0).siteCode()).isEqualTo("RXL01");
  }

  @Test
  void anAmbulatoryEncounterIsNotAnAttendance() {
    assertThat(issues(FhirExamples.AMBULATORY, e -> { })).singleElement().satisfies(i -> {
      assertThat(i.status()).isEqualTo(422);
      assertThat(i.expression()).isEqualTo("Encounter.class");
      assertThat(i.message()).contains("AMB").contains("EMER");
    });
  }

  @Test
  void missingClassStatusOrArrivalAreNamed() {
    assertThat(issues(FhirExamples.FINISHED, e -> e.remove("class"))).extracting(FhirIssue::expression, FhirIssue::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Encounter.class", 400));
    assertThat(issues(FhirExamples.FINISHED, e -> e.remove("status"))).extracting(FhirIssue::expression)
        .containsExactly("Encounter.status");
    assertThat(issues(FhirExamples.CONTAINED, e -> {
      e.remove("period");
      e.remove("statusHistory");
    })).extracting(FhirIssue::expression).containsExactly("Encounter.period.start");
  }

  @Test
  void arrivalFallsBackToTheArrivedStatus() {
    List<AttendanceEvent> events = events(FhirExamples.CONTAINED, e -> e.remove("period"));
    assertThat(events.get(0).at()).isEqualTo(Instant.parse("2025-03-02T22:05:00Z"));
  }

  @Test
  void plannedCancelledAndEnteredInErrorAreRefused() {
    for (String status : List.of("planned", "cancelled", "entered-in-error")) {
      assertThat(issues(FhirExamples.CONTAINED, e -> e.put("status", status))).singleElement()
          .satisfies(i -> assertThat(i.message()).startsWith("is " + status));
    }
  }

  @Test
  void aDateWithoutATimeCannotPlaceAStep() {
    assertThat(issues(FhirExamples.FINISHED, e -> ((ObjectNode) e.get("period")).put("start", "2025-01-20")))
        .extracting(FhirIssue::expression).containsExactly("Encounter.period.start");
  }

  @Test
  void stepsMustFollowTheArrivalAndPrecedeTheDeparture() {
    assertThat(issues(FhirExamples.FINISHED, e -> ((ObjectNode) e.get("statusHistory").get(1).get("period"))
        .put("start", "2025-01-20T07:00:00Z"))).extracting(FhirIssue::expression)
        .containsExactly("Encounter.statusHistory[1].period.start");
    assertThat(issues(FhirExamples.FINISHED, e -> ((ObjectNode) e.get("statusHistory").get(2).get("period"))
        .put("start", "2025-01-20T13:00:00Z"))).singleElement()
        .satisfies(i -> assertThat(i.message()).contains("after the departure"));
  }

  @Test
  void aFinishedAttendanceNeedsItsDeparture() {
    assertThat(issues(FhirExamples.FINISHED, e -> {
      ((ObjectNode) e.get("period")).remove("end");
      ((com.fasterxml.jackson.databind.node.ArrayNode) e.get("statusHistory")).remove(3);
    })).extracting(FhirIssue::expression).containsExactly("Encounter.period.end");
    List<AttendanceEvent> fromHistory = events(FhirExamples.FINISHED, e -> ((ObjectNode) e.get("period")).remove("end"));
    assertThat(fromHistory.get(3).at()).isEqualTo(Instant.parse("2025-01-20T11:55:00Z"));
  }

  @Test
  void theAttendanceReferenceIsNeverAPatientIdentifier() {
    List<AttendanceEvent> skipped = events(FhirExamples.FINISHED, e -> e.withArray("identifier").insertObject(0)
        .put("system", EncounterSources.NHS_NUMBER).put("value", "9449306680"));
    assertThat(skipped.get(0).attendanceId()).as("the NHS number is passed over").isEqualTo("AE-2025-000123");
    assertThat(issues(FhirExamples.FINISHED, e -> ((ObjectNode) e.withArray("identifier").get(0))
        .put("value", "9449306680"))).singleElement().satisfies(i -> {
          assertThat(i.expression()).isEqualTo("Encounter.identifier[0].value");
          assertThat(i.message()).contains("identifier of the patient");
        });
    assertThat(issues(FhirExamples.AMBULATORY, e -> {
      e.remove("identifier");
      e.remove("id");
      ((ObjectNode) e.get("class")).put("code", "EMER");
    })).extracting(FhirIssue::expression).containsExactly("Encounter.identifier");
  }

  @Test
  void anUnknownSiteIsStillNamedSoTheRefusalCanSayWhich() {
    EncounterMapper.Mapping mapping = mapper.map(FhirExamples.encounter(FhirExamples.changed(FhirExamples.FINISHED,
        e -> e.remove("location")).transform(FhirExamples::parse)));
    assertThat(mapping.events().get(0).event().siteCode()).isEqualTo("RXN");
    assertThat(mapping.events().get(0).source("siteCode")).isEqualTo("Encounter.serviceProvider.identifier.value");
    assertThat(issues(FhirExamples.FINISHED, e -> {
      e.remove("location");
      e.remove("serviceProvider");
    })).extracting(FhirIssue::expression).containsExactly("Encounter.serviceProvider");
  }

  @Test
  void nothingOfThePatientIsInTheEvents() {
    for (String example : List.of(FhirExamples.FINISHED, FhirExamples.CONTAINED, FhirExamples.DECISION_TO_ADMIT)) {
      String events = events(example).toString();
      assertThat(events).doesNotContain("9449306680", "9000000009", "9912003888", "Chalmers", "Smith", "PR2 9HT",
          "1987", "Careful", "Chest");
    }
  }

  @Test
  void ecdsCodesAndWordsGiveTheArrivalMode() {
    assertThat(EncounterCodes.ARRIVAL_MODES).hasSize(9);
    assertThat(EncounterCodes.fromWords("Arrival by helicopter air ambulance")).isEqualTo(ArrivalMode.AMBULANCE);
    assertThat(EncounterCodes.fromWords("Walked in")).isEqualTo(ArrivalMode.WALK_IN);
    assertThat(EncounterCodes.fromWords("Brought by police")).isEqualTo(ArrivalMode.OTHER);
    assertThat(EncounterCodes.fromWords("From accident/emergency department")).isNull();
  }

  private List<AttendanceEvent> events(String example) {
    return events(example, e -> { });
  }

  private List<AttendanceEvent> events(String example, Consumer<ObjectNode> change) {
    EncounterMapper.Mapping mapping = mapper.map(FhirExamples.encounter(
        FhirExamples.parse(FhirExamples.changed(example, change))));
    assertThat(mapping.issues()).isEmpty();
    return mapping.events().stream().map(EncounterMapper.MappedEvent::event).toList();
  }

  private List<FhirIssue> issues(String example, Consumer<ObjectNode> change) {
    EncounterMapper.Mapping mapping = mapper.map(FhirExamples.encounter(
        FhirExamples.parse(FhirExamples.changed(example, change))));
    assertThat(mapping.events()).isEmpty();
    return mapping.issues();
  }
}
