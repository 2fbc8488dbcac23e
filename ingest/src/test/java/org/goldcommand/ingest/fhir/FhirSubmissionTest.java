package org.goldcommand.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.serde.Json;
import org.goldcommand.ingest.auth.ApiClient;
import org.goldcommand.ingest.feed.FeedIntake;
import org.goldcommand.ingest.feeds.Feeds;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Whole FHIR requests decided without HTTP or Kafka: what is stored, what is refused and why. */
class FhirSubmissionTest {

  static final ReferenceData REFERENCE = ReferenceDataLoader.demo();
  static final ApiClient RXN = new ApiClient("test", Set.of("RXN"));
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  final FhirSubmission submission = new FhirSubmission(REFERENCE);

  @TestFactory
  Stream<DynamicTest> everyMalformedInputIsRefusedNamingTheProblem() {
    return FhirCorpus.all(1024).stream().filter(c -> !c.httpOnly()).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      FhirSubmission.Plan plan = plan(c);
      assertThat(plan.refused()).as("refused").isTrue();
      assertThat(plan.accepted()).isEmpty();
      assertThat(FhirIssue.statusOf(plan.issues())).as(plan.issues().toString()).isEqualTo(c.status());
      assertThat(FhirResponses.encode(FhirResponses.errors(plan.issues()))).contains(c.mentions());
    }));
  }

  @Test
  void anEncounterGetsTheIdsItsEventsWouldGetAsNdjson() throws Exception {
    FhirSubmission.Plan plan = submission.encounter(bytes(FhirExamples.FINISHED), null, RXN, NOW);
    assertThat(plan.refused()).as(plan.issues().toString()).isFalse();

    FeedIntake<AttendanceEvent> ndjson = new FeedIntake<>(Feeds.ED_ATTENDANCE, REFERENCE);
    List<String> lines = List.of(
        "{\"attendanceId\":\"AE-2025-000123\",\"siteCode\":\"RXN02\",\"event\":\"ARRIVAL\","
            + "\"at\":\"2025-01-20T08:15:00Z\",\"arrivalMode\":\"AMBULANCE\"}",
        "{\"attendanceId\":\"AE-2025-000123\",\"siteCode\":\"RXN02\",\"event\":\"INITIAL_ASSESSMENT\","
            + "\"at\":\"2025-01-20T08:31:00Z\",\"arrivalMode\":\"AMBULANCE\",\"acuity\":2}",
        "{\"attendanceId\":\"AE-2025-000123\",\"siteCode\":\"RXN02\",\"event\":\"SEEN\","
            + "\"at\":\"2025-01-20T09:40:00Z\",\"arrivalMode\":\"AMBULANCE\",\"acuity\":2}",
        "{\"attendanceId\":\"AE-2025-000123\",\"siteCode\":\"RXN02\",\"event\":\"DEPARTURE\","
            + "\"at\":\"2025-01-20T11:55:00Z\",\"arrivalMode\":\"AMBULANCE\",\"acuity\":2}");
    List<String> expected = lines.stream()
        .map(line -> ndjson.check(FhirExamples.parse(line), RXN, NOW).accepted().envelope().id()).toList();
    assertThat(ids(plan)).containsExactlyElementsOf(expected);
    assertThat(expected.get(0)).startsWith("ed-attendance/RXN02/AE-2025-000123/ARRIVAL/");

    FhirSubmission.Plan again = submission.encounter(bytes(FhirExamples.FINISHED), null, RXN, NOW.plusSeconds(600));
    assertThat(ids(again)).as("re-sent later, same ids").isEqualTo(ids(plan));
  }

  @Test
  void triageLaterKeepsTheArrivalEvent() {
    String arrived = FhirExamples.changed(FhirExamples.CONTAINED, e -> {
      e.remove("statusHistory");
      e.put("status", "arrived");
      e.remove("extension");
    });
    String arrivalId = ids(submission.encounter(arrived.getBytes(StandardCharsets.UTF_8), null, RXN, NOW)).get(0);
    String triaged = FhirExamples.changed(FhirExamples.CONTAINED, e -> ((com.fasterxml.jackson.databind.node.ArrayNode)
        e.get("extension")).remove(0));
    assertThat(ids(submission.encounter(triaged.getBytes(StandardCharsets.UTF_8), null, RXN, NOW)).get(0))
        .isEqualTo(arrivalId);
  }

  @Test
  void nothingOfThePatientIsSentToKafka() {
    for (String example : List.of(FhirExamples.FINISHED, FhirExamples.CONTAINED)) {
      FhirSubmission.Plan plan = submission.encounter(bytes(example), null, RXN, NOW);
      assertThat(plan.accepted()).isNotEmpty();
      for (FeedIntake.Accepted<AttendanceEvent> a : plan.accepted()) {
        String sent = new String(a.topic().valueSerde().serializer().serialize(a.topic().name(), a.envelope()),
            StandardCharsets.UTF_8) + a.key();
        assertThat(sent).doesNotContain("9449306680", "Patient/", "Chalmers", "9000000009", "Smith", "Jane",
            "PR2 9HT", "1987-03-12", "Practitioner", "Careful", "Chest pain", "#pat");
      }
    }
  }

  @Test
  void aTransactionIsStoredWhole() {
    FhirSubmission.Plan plan = submission.bundle(bytes(FhirExamples.TRANSACTION), RXN, NOW);
    assertThat(plan.refused()).as(plan.issues().toString()).isFalse();
    assertThat(plan.entries()).hasSize(3).noneMatch(FhirSubmission.Entry::refused);
    assertThat(plan.entries().stream().map(e -> e.accepted().size())).containsExactly(2, 2, 1);
    Bundle response = FhirResponses.bundle(plan);
    assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("202 Accepted");
    assertThat(FhirResponses.encode(response)).contains("ed-attendance/RXN01/AE-2025-000202/DEPARTURE/");
  }

  @Test
  void aBatchStoresItsGoodEntriesAndAnswersEachBadOne() {
    String batch = FhirExamples.bundle("batch", List.of(FhirExamples.tree(FhirExamples.FINISHED),
        FhirExamples.tree(FhirExamples.AMBULATORY), FhirExamples.tree(FhirExamples.DECISION_TO_ADMIT)));
    FhirSubmission.Plan plan = submission.bundle(batch.getBytes(StandardCharsets.UTF_8), RXN, NOW);
    assertThat(plan.refused()).isFalse();
    assertThat(plan.accepted()).hasSize(4);
    assertThat(plan.refusedEntries()).isEqualTo(2);
    Bundle response = FhirResponses.bundle(plan);
    assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
    assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsExactly("202 Accepted", "422 Unprocessable Entity", "403 Forbidden");
    assertThat(response.getEntry().get(1).getResponse().getOutcome().toString()).isNotNull();
    assertThat(FhirResponses.encode(response)).contains("Bundle.entry[1].resource.class")
        .contains("Bundle.entry[2].resource.location[0].location.identifier.value");
  }

  @Test
  void theHl7EmergencyExampleLandsForItsOwnTrust() {
    ApiClient rxl = new ApiClient("test", Set.of("RXL"));
    FhirSubmission.Plan plan = submission.encounter(bytes(FhirExamples.BECAME_INPATIENT), null, rxl, NOW);
    assertThat(plan.refused()).as(plan.issues().toString()).isFalse();
    assertThat(plan.orgCode()).isEqualTo("RXL");
    assertThat(ids(plan)).hasSize(4).allMatch(id -> id.startsWith("ed-attendance/RXL01/emerg/"));
  }

  @Test
  void anUpdateCarriesItsOwnId() {
    FhirSubmission.Plan plan = submission.encounter(bytes(FhirExamples.FINISHED), "ae-2025-000123", RXN, NOW);
    assertThat(plan.refused()).isFalse();
  }

  @Test
  void theAcceptedOutcomeListsEveryEventId() throws Exception {
    FhirSubmission.Plan plan = submission.encounter(bytes(FhirExamples.DECISION_TO_ADMIT), null,
        new ApiClient("test", Set.of("RXL")), NOW);
    String outcome = FhirResponses.encode(FhirResponses.stored(plan.accepted()));
    var tree = Json.mapper().readTree(outcome);
    assertThat(tree.get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(tree.get("issue")).hasSize(4);
    assertThat(tree.get("issue").get(3).get("severity").asText()).isEqualTo("information");
    assertThat(tree.get("issue").get(3).get("diagnostics").asText())
        .startsWith("ed-attendance/RXL01/BVH.2025.55021/DECISION_TO_ADMIT/");
  }

  private FhirSubmission.Plan plan(FhirCorpus.Case c) {
    if (c.path().equals("/")) {
      return submission.bundle(c.body(), RXN, NOW);
    }
    String urlId = c.path().startsWith("/Encounter/") ? c.path().substring("/Encounter/".length()) : null;
    return submission.encounter(c.body(), urlId, RXN, NOW);
  }

  private static List<String> ids(FhirSubmission.Plan plan) {
    return plan.accepted().stream().map(a -> a.envelope().id()).toList();
  }

  private static byte[] bytes(String example) {
    return FhirExamples.text(example).getBytes(StandardCharsets.UTF_8);
  }
}
