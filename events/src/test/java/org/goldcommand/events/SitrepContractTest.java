package org.goldcommand.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.goldcommand.events.reference.ReferenceData;
import org.goldcommand.events.reference.ReferenceDataLoader;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.sitrep.SitrepRules;
import org.goldcommand.events.validation.SchemaValidator;
import org.goldcommand.events.validation.Violation;
import org.junit.jupiter.api.Test;

class SitrepContractTest {

  static final String EXAMPLE = """
      { "submissionId": "3f0c6d2e-1", "orgCode": "RXN", "siteCode": null, "asAt": "2026-11-22T08:00:00Z",
        "beds": { "gaCoreOpen": 700, "gaEscalationOpen": 20, "gaOccupied": 690,
                  "adultCriticalCareOpen": 30, "adultCriticalCareOccupied": 28, "closedInfectionControl": 6 },
        "discharge": { "nctr": 110, "dischargedBy17": 40, "dischargedAfter17": 25 },
        "longStay": { "over7": 250, "over14": 140, "over21": 80 },
        "respiratory": { "covid": 35, "flu": 20, "rsv": 5 },
        "staffAbsencePct": 6.1,
        "ambulance": { "arrivals": 120, "handoversOver30": 20, "handoversOver60": 8, "hoursLost": 30.5 },
        "aeDiverts": 0, "mortuary": { "capacity": 80, "occupied": 60 }, "comments": "" }
      """;

  final SchemaValidator schema = SchemaValidator.forResource("schemas/sitrep.v1.json");
  final ReferenceData reference = ReferenceDataLoader.demo();

  @Test
  void theDesignExampleConformsAndReadsIntoTheRecord() throws Exception {
    JsonNode node = Json.mapper().readTree(EXAMPLE);
    assertThat(schema.validate(node)).isEmpty();
    Sitrep sitrep = Json.mapper().treeToValue(node, Sitrep.class);
    assertThat(sitrep.beds().gaOpen()).isEqualTo(720);
    assertThat(SitrepRules.check(sitrep, reference, Instant.parse("2026-11-22T09:00:00Z"))).isEmpty();
  }

  @Test
  void everyBadFieldIsNamedByItsPath() throws Exception {
    JsonNode node = Json.mapper().readTree("""
        { "orgCode": "rxn", "asAt": "yesterday", "beds": { "gaCoreOpen": -1, "gaOccupied": "lots", "extra": 1 },
          "staffAbsencePct": 140 }
        """);
    assertThat(schema.validate(node)).extracting(Violation::path)
        .contains("orgCode", "asAt", "beds.gaCoreOpen", "beds.gaOccupied", "beds.extra", "staffAbsencePct");
  }

  @Test
  void aMissingRequiredFieldIsNamed() throws Exception {
    JsonNode node = Json.mapper().readTree("{ \"orgCode\": \"RXN\", \"asAt\": \"2026-11-22T08:00:00Z\", \"beds\": {} }");
    assertThat(schema.validate(node)).containsExactly(
        new Violation("beds.gaCoreOpen", "is required"), new Violation("beds.gaOccupied", "is required"));
  }

  @Test
  void aCorrectionNamesTheReturnItSupersedesWithinFourteenDays() throws Exception {
    JsonNode node = Json.mapper().readTree(EXAMPLE.replace("\"comments\": \"\"", "\"supersedes\": \"3f0c6d2e-0\""));
    assertThat(schema.validate(node)).isEmpty();
    Sitrep correction = Json.mapper().treeToValue(node, Sitrep.class);
    assertThat(correction.supersedes()).isEqualTo("3f0c6d2e-0");
    assertThat(SitrepRules.check(correction, reference, Instant.parse("2026-12-06T07:00:00Z"))).isEmpty();
    assertThat(SitrepRules.check(correction, reference, Instant.parse("2026-12-06T07:00:00Z").plusSeconds(86_400)))
        .extracting(Violation::path).containsExactly("asAt");
    assertThat(SitrepRules.check(correction.withSubmissionId("3f0c6d2e-0"), reference, Instant.parse("2026-11-22T09:00:00Z")))
        .extracting(Violation::path).containsExactly("supersedes");
  }

  @Test
  void businessRulesRejectContradictionsFutureTimesAndUnknownCodes() {
    Sitrep overfull = new Sitrep(null, "RXN", "RXL01", Instant.parse("2026-11-23T08:00:00Z"),
        new Sitrep.Beds(100, 0, 101, null, 3, null), null, null, null, null, null, null, null, null);
    assertThat(SitrepRules.check(overfull, reference, Instant.parse("2026-11-22T08:00:00Z")))
        .extracting(Violation::path)
        .containsExactlyInAnyOrder("siteCode", "asAt", "beds.gaOccupied", "beds.adultCriticalCareOpen");
    Sitrep unknown = new Sitrep(null, "ZZZ", null, Instant.parse("2026-11-22T08:00:00Z"),
        new Sitrep.Beds(100, 0, 90, null, null, null), null, null, null, null, null, null, null, null);
    assertThat(SitrepRules.check(unknown, reference, Instant.parse("2026-11-22T08:00:00Z")))
        .extracting(Violation::path).containsExactly("orgCode");
  }
}
