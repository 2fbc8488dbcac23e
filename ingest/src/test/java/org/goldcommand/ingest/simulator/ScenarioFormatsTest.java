package org.goldcommand.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.serde.Json;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.sitrep.SitrepRules;
import org.goldcommand.events.validation.SchemaValidator;
import org.goldcommand.events.vaccine.VaccineStock;
import org.goldcommand.ingest.feeds.FeedRules;
import org.junit.jupiter.api.Test;

/** Everything the scenario sends is what ingest takes: each record meets its contract, each message its standard. */
class ScenarioFormatsTest {

  static final List<Outbound> DAY = ScenarioTest.WHOLE_DAY;

  @Test
  void everyRecordMeetsItsSchemaAndIngestsRules() {
    Map<Feed, SchemaValidator> schemas = new EnumMap<>(Feed.class);
    Map<Feed, Integer> counts = new EnumMap<>(Feed.class);
    Instant end = ScenarioTest.DAY.plusSeconds(86_400);
    for (Outbound o : DAY) {
      if (o instanceof Outbound.FeedRecord r) {
        SchemaValidator schema = schemas.computeIfAbsent(r.feed(),
            f -> SchemaValidator.forResource("schemas/" + f.feedName() + ".v1.json"));
        JsonNode json = Json.mapper().valueToTree(r.record());
        assertThat(schema.validate(json)).as("%s", json).isEmpty();
        counts.merge(r.feed(), 1, Integer::sum);
        if (r.record() instanceof EdSnapshot s) {
          assertThat(FeedRules.edSnapshot(s)).as("%s", s).isEmpty();
        } else if (r.record() instanceof BedState s) {
          assertThat(FeedRules.bedState(s)).as("%s", s).isEmpty();
        } else if (r.record() instanceof VaccineStock s) {
          assertThat(FeedRules.vaccineStock(s)).as("%s", s).isEmpty();
        } else if (r.record() instanceof Sitrep s) {
          assertThat(SitrepRules.check(s, ScenarioTest.LSC, end)).as("%s", s).isEmpty();
        }
      }
    }
    assertThat(counts).as("every HTTP feed").containsOnlyKeys(Feed.values());
  }

  @Test
  void hl7AdtCarriesNoPatientIdentifierBeyondAPseudonymousVisitNumber() {
    List<Outbound.Hl7Message> messages = DAY.stream().filter(Outbound.Hl7Message.class::isInstance)
        .map(Outbound.Hl7Message.class::cast).toList();
    assertThat(messages).hasSizeGreaterThan(500);
    Set<String> triggers = messages.stream().map(m -> segment(m.text(), "MSH")[9]).collect(Collectors.toSet());
    assertThat(triggers).containsExactlyInAnyOrder("ADT^A01^ADT_A01", "ADT^A02^ADT_A02", "ADT^A03^ADT_A03");
    for (Outbound.Hl7Message m : messages) {
      assertThat(m.text()).endsWith("\r");
      assertThat(m.text().split("\r")).extracting(s -> s.substring(0, 3)).containsExactly("MSH", "EVN", "PID", "PV1");
      assertThat(segment(m.text(), "PID")).containsExactly("PID", "1");
      assertThat(m.text().replaceAll("\\d{14}\\+0000", "TS")).as("no NHS or hospital number")
          .doesNotContainPattern("\\d{6,}");
      String[] msh = segment(m.text(), "MSH");
      assertThat(msh[4]).as("MSH-4").isEqualTo(m.orgCode());
      assertThat(msh[10]).as("MSH-10").isEqualTo(m.controlId()).hasSizeLessThanOrEqualTo(20);
      assertThat(msh[12]).as("MSH-12").isEqualTo("2.5.1");
      String[] pv1 = segment(m.text(), "PV1");
      assertThat(pv1[19]).matches("[A-Z0-9]{5}V[a-z0-9]+P?[A-Z0-9]+");
      String[] location = pv1[3].split("\\^");
      assertThat(location).hasSize(4);
      Organisation trust = ScenarioTest.LSC.organisation(m.orgCode()).orElseThrow();
      assertThat(trust.site(location[3])).as(pv1[3]).isPresent();
    }
    assertThat(messages.stream().map(Outbound.Hl7Message::controlId)).doesNotHaveDuplicates();
  }

  @Test
  void fhirEncountersAreEmergencyEncountersWithoutASubjectFromOneTrust() throws Exception {
    List<Outbound.FhirEncounter> encounters = DAY.stream().filter(Outbound.FhirEncounter.class::isInstance)
        .map(Outbound.FhirEncounter.class::cast).toList();
    assertThat(encounters).hasSizeGreaterThan(300).allSatisfy(e -> assertThat(e.orgCode()).isEqualTo("RTX"));
    for (Outbound.FhirEncounter e : encounters) {
      JsonNode encounter = Json.mapper().readTree(e.json());
      assertThat(encounter.path("resourceType").asText()).isEqualTo("Encounter");
      assertThat(encounter.path("class").path("code").asText()).isEqualTo("EMER");
      assertThat(encounter.has("subject")).isFalse();
      assertThat(encounter.path("identifier").get(0).path("value").asText()).isEqualTo(e.attendanceId());
      String site = encounter.path("serviceProvider").path("identifier").path("value").asText();
      assertThat(ScenarioTest.LSC.ownerOfSite(site)).map(Organisation::code).contains("RTX");
      assertThat(Instant.parse(encounter.path("period").path("start").asText())).isBeforeOrEqualTo(e.at());
      if (encounter.path("status").asText().equals("finished")) {
        assertThat(Instant.parse(encounter.path("period").path("end").asText())).isEqualTo(e.at());
      }
    }
    assertThat(encounters.stream().map(e -> e.attendanceId() + "@" + e.at())).doesNotHaveDuplicates();
    assertThat(encounters).anySatisfy(e -> assertThat(Json.mapper().readTree(e.json()).path("location").path(0)
        .path("status").asText()).isEqualTo("planned"));
  }

  /** A segment split so that index n is field n (for MSH too, whose first field is the separator). */
  static String[] segment(String message, String name) {
    for (String segment : message.split("\r")) {
      if (segment.startsWith(name + "|") || segment.equals(name)) {
        return name.equals("MSH") ? ("MSH|" + segment).split("\\|", -1) : segment.split("\\|", -1);
      }
    }
    throw new AssertionError("No " + name + " in " + message);
  }
}
