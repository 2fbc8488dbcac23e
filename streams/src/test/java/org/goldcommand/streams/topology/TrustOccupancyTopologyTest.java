package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import java.util.List;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.scoring.ScoringTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustOccupancyTopologyTest {

  static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, Envelope<Sitrep>> sitreps;
  TestOutputTopic<String, Envelope<TrustPressure>> pressure;
  TestOutputTopic<String, DeadLetter> deadLetters;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, metrics);
    sitreps = driver.createInputTopic(Topics.SITREPS.name(), Topics.SITREPS.keySerde().serializer(),
        Topics.SITREPS.valueSerde().serializer());
    pressure = driver.createOutputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().deserializer(),
        Topics.TRUST_PRESSURE.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.keySerde().deserializer(),
        Topics.DEAD_LETTERS.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Envelope<Sitrep> sitrep(String org, String submissionId, int occupied) {
    return sitrep(org, null, submissionId, AT, new Sitrep.Beds(700, 20, occupied, 30, 28, null));
  }

  static Envelope<Sitrep> sitrep(String org, String site, String submissionId, Instant asAt, Sitrep.Beds beds) {
    Sitrep sitrep = new Sitrep(submissionId, org, site, asAt, beds, null, null, null, null, null, null, null, null);
    return Envelope.of("sitrep/" + org + "/" + submissionId, "/ingest/sitreps", "org.goldcommand.sitrep.v1", org,
        asAt, asAt.plusSeconds(30), sitrep);
  }

  @Test
  void aBackDatedReturnIsKeptOutOfTheTrustsCurrentPicture() {
    sitreps.pipeInput("RXN", sitrep("RXN", null, "today", AT, new Sitrep.Beds(700, 20, 690, 30, 28, null)), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", null, "yesterday", AT.minusSeconds(86_400),
        new Sitrep.Beds(700, 20, 500, 30, 20, null)), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", null, "correction", AT, new Sitrep.Beds(700, 20, 695, 30, 28, null)), AT);

    assertThat(pressure.readValuesToList()).extracting(Envelope::id)
        .containsExactly("pressure.trust/sitrep/RXN/today", "pressure.trust/sitrep/RXN/correction");
  }

  @Test
  void aSingleSitesReturnDoesNotReplaceTheWholeTrustsFigures() {
    sitreps.pipeInput("RTX", sitrep("RTX", "RTX06", "site", AT, new Sitrep.Beds(90, 0, 80, null, null, null)), AT);
    assertThat(pressure.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aSitrepWithNoBedsOrOneThatFailsInProcessingIsDeadLetteredAndProcessingCarriesOn() {
    sitreps.pipeInput("RXN", sitrep("RXN", null, "no-beds", AT, null), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", null, "no-core", AT, new Sitrep.Beds(null, 0, 10, null, null, null)), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", "ok"), AT);

    assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::stage)
        .containsExactly("streams.trust-occupancy", "streams.process.bed-occupancy");
    assertThat(pressure.readValue().id()).isEqualTo("pressure.trust/sitrep/RXN/ok");
  }

  static Envelope<HandoverEvent> handover(String incident, HandoverEvent.HandoverStep step, Instant at) {
    return Envelope.of("ambulance-handover/" + incident + "/" + step, "/ingest/ambulance-handover",
        "org.goldcommand.ambulance-handover.v1", "RXN02", at, at.plusSeconds(5),
        new HandoverEvent(incident, "RXN02", step, at));
  }

  @Test
  void handoversMatchedInAnyOrderAddTheirFiguresToTheTrustsScore() {
    var handovers = driver.createInputTopic(Topics.AMBULANCE_HANDOVERS.name(),
        Topics.AMBULANCE_HANDOVERS.keySerde().serializer(), Topics.AMBULANCE_HANDOVERS.valueSerde().serializer());
    sitreps.pipeInput("RXN", sitrep("RXN", "beds"), AT);
    Instant noon = AT.plusSeconds(4 * 3600);
    handovers.pipeInput("i1", handover("i1", HandoverEvent.HandoverStep.HANDED_OVER, noon.minusSeconds(600)), noon);
    handovers.pipeInput("i1", handover("i1", HandoverEvent.HandoverStep.ARRIVED, noon.minusSeconds(5400)), noon);
    handovers.pipeInput("i1", handover("i1", HandoverEvent.HandoverStep.HANDED_OVER, noon.minusSeconds(600)), noon);
    handovers.pipeInput("i2", handover("i2", HandoverEvent.HandoverStep.ARRIVED, noon.minusSeconds(1200)), noon);
    handovers.pipeInput("i2", handover("i2", HandoverEvent.HandoverStep.HANDED_OVER, noon), noon);

    List<Envelope<TrustPressure>> out = pressure.readValuesToList();
    assertThat(out).extracting(Envelope::id).containsExactly("pressure.trust/sitrep/RXN/beds",
        "pressure.trust/handovers/RXN/i1", "pressure.trust/handovers/RXN/i2");
    TrustPressure latest = out.get(2).data();
    // i1 waited 80 min and i2 20 min, both handed over within the hour before i2: mean (80 + 20) / 2
    // = 50; one of today's two took over 60 min = 50%. The re-sent HANDED_OVER of i1 counts once.
    assertThat(latest.measure("handoverMeanMinutes")).map(Measure::value).contains(50.0);
    assertThat(latest.measure("handoversOver60Pct")).map(Measure::value).contains(50.0);
    assertThat(latest.measure("gaOccupancyPct")).map(Measure::value).contains(90.3);
    assertThat(latest.completeness()).isGreaterThan(out.get(0).data().completeness());
  }

  @Test
  void aHandoverFromHoursBeforeTheSitrepNeitherTurnsTheClockBackNorCountsAsCurrent() {
    var handovers = driver.createInputTopic(Topics.AMBULANCE_HANDOVERS.name(),
        Topics.AMBULANCE_HANDOVERS.keySerde().serializer(), Topics.AMBULANCE_HANDOVERS.valueSerde().serializer());
    sitreps.pipeInput("RXN", sitrep("RXN", "now"), AT);
    Instant early = AT.minusSeconds(5 * 3600);
    handovers.pipeInput("old", handover("old", HandoverEvent.HandoverStep.ARRIVED, early.minusSeconds(3600)), AT);
    handovers.pipeInput("old", handover("old", HandoverEvent.HandoverStep.HANDED_OVER, early), AT);

    List<Envelope<TrustPressure>> out = pressure.readValuesToList();
    TrustPressure latest = out.get(out.size() - 1).data();
    assertThat(latest.asAt()).isEqualTo(AT);
    assertThat(latest.measure("handoverMeanMinutes")).hasValueSatisfying(m -> assertThat(m.level()).isNull());
    assertThat(latest.score()).isEqualTo(out.get(0).data().score());
  }

  @Test
  void aHandoverAtASiteNobodyKnowsIsDroppedAndCounted() {
    var handovers = driver.createInputTopic(Topics.AMBULANCE_HANDOVERS.name(),
        Topics.AMBULANCE_HANDOVERS.keySerde().serializer(), Topics.AMBULANCE_HANDOVERS.valueSerde().serializer());
    for (HandoverEvent.HandoverStep step : List.of(HandoverEvent.HandoverStep.ARRIVED,
        HandoverEvent.HandoverStep.HANDED_OVER)) {
      handovers.pipeInput("x", Envelope.of("ambulance-handover/x/" + step, "/ingest/ambulance-handover",
          "org.goldcommand.ambulance-handover.v1", "ZZZ01", AT, AT, new HandoverEvent("x", "ZZZ01", step, AT)), AT);
    }
    assertThat(pressure.isEmpty()).isTrue();
    assertThat(metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "ambulance-handover").count())
        .isEqualTo(1.0);
  }

  @Test
  void incidentsAreForgottenTwoDaysAfterTheyBegan() {
    var handovers = driver.createInputTopic(Topics.AMBULANCE_HANDOVERS.name(),
        Topics.AMBULANCE_HANDOVERS.keySerde().serializer(), Topics.AMBULANCE_HANDOVERS.valueSerde().serializer());
    handovers.pipeInput("old", handover("old", HandoverEvent.HandoverStep.ARRIVED, AT), AT);
    Instant later = AT.plus(java.time.Duration.ofDays(3));
    handovers.pipeInput("new", handover("new", HandoverEvent.HandoverStep.ARRIVED, later), later);
    org.apache.kafka.streams.state.KeyValueStore<String, Object> incidents =
        driver.getKeyValueStore(HandoverFiguresTopology.INCIDENTS_STORE);
    assertThat(incidents.get("old")).isNull();
    assertThat(incidents.get("new")).isNotNull();
  }

  static Envelope<Sitrep> sitrep(String org, String submissionId) {
    return sitrep(org, submissionId, 650);
  }

  @Test
  void aSitrepBecomesTheTrustsOccupancyPlacedInItsSystem() {
    sitreps.pipeInput("RXN", sitrep("RXN", "a", 690), AT);

    var out = pressure.readKeyValue();
    assertThat(out.key).isEqualTo("RXN");
    TrustPressure p = out.value.data();
    assertThat(p.orgName()).isEqualTo("Lancashire Teaching");
    assertThat(p.systemCode()).isEqualTo("QE1");
    assertThat(p.asAt()).isEqualTo(AT);
    assertThat(p.measure("gaOccupancyPct")).map(Measure::value).contains(95.8);
    assertThat(p.measure("criticalCareOccupancyPct")).map(Measure::value).contains(93.3);
    assertThat(out.value.id()).isEqualTo("pressure.trust/sitrep/RXN/a");
    assertThat(pressure.isEmpty()).isTrue();
  }

  @Test
  void theTrustIsScoredOverWhatItsSitrepCarriesAndSaysHowCompleteThatIs() {
    Sitrep full = new Sitrep("s", "RXN", null, AT, new Sitrep.Beds(700, 30, 725, 30, 31, null),
        new Sitrep.Discharge(160, 40, 20), null, null, 8.5, null, null, null, null);
    sitreps.pipeInput("RXN", Envelope.of("sitrep/RXN/s", "/ingest/sitreps", "org.goldcommand.sitrep.v1", "RXN", AT,
        AT.plusSeconds(30), full), AT);

    TrustPressure p = pressure.readValue().data();
    // G&A 99.3% level 4 (15), escalation 4.1% level 3 (5 x 2/3), NCTR 22.1% level 4 (10),
    // critical care 103.3% level 4 (5), absence 8.5% level 4 (5): 38.3 of 40 points present = 95.8
    assertThat(p.score()).isEqualTo(95.8);
    assertThat(p.opelLevel()).isEqualTo(4);
    assertThat(p.completeness()).isEqualTo(0.4);
    assertThat(p.tableVersion()).isEqualTo(ScoringTables.defaultTable().version());
    assertThat(p.measure("gaOccupancyPct")).hasValueSatisfying(m -> {
      assertThat(m.level()).isEqualTo(4);
      assertThat(m.weight()).isEqualTo(15.0);
      assertThat(m.contribution()).isEqualTo(37.5);
    });
    assertThat(p.measure("gaOccupied")).hasValueSatisfying(m -> assertThat(m.level()).isNull());
  }

  @Test
  void aReSentSubmissionIsNotCountedTwiceButACorrectionIs() {
    sitreps.pipeInput("RXN", sitrep("RXN", "a", 690), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", "a", 690), AT.plusSeconds(60));
    sitreps.pipeInput("RXN", sitrep("RXN", "b", 700), AT.plusSeconds(120));

    assertThat(pressure.readValuesToList()).extracting(Envelope::id)
        .containsExactly("pressure.trust/sitrep/RXN/a", "pressure.trust/sitrep/RXN/b");
  }

  @Test
  void theSameSubmissionIdFromTwoTrustsIsTwoEvents() {
    sitreps.pipeInput("RXN", sitrep("RXN", "same", 690), AT);
    sitreps.pipeInput("RXL", sitrep("RXL", "same", 600), AT);
    assertThat(pressure.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("RXN", "RXL");
  }

  @Test
  void aSitrepForAnUnknownOrganisationGoesToTheDeadLetterTopicAndIsCounted() {
    sitreps.pipeInput("ZZZ", sitrep("ZZZ", "x", 10), AT);

    assertThat(pressure.isEmpty()).isTrue();
    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.reason()).contains("ZZZ").contains("not in reference data");
    assertThat(letter.payload()).contains("sitrep/ZZZ/x");
    assertThat(metrics.counter("gc.deadletter.records", "stage", "streams.trust-occupancy", "topic",
        Topics.SITREPS.name()).count()).isEqualTo(1.0);
  }

  @Test
  void anUnreadableRecordIsDeadLetteredAndProcessingCarriesOn() {
    TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.SITREPS.name(), new StringSerializer(),
        new ByteArraySerializer());
    raw.pipeInput("RXN", "{\"broken\":".getBytes(StandardCharsets.UTF_8), AT);
    sitreps.pipeInput("RXN", sitrep("RXN", "after", 650), AT);

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.payload()).isEqualTo("{\"broken\":");
    assertThat(letter.stage()).isEqualTo("streams.deserialise");
    assertThat(pressure.readValue().id()).isEqualTo("pressure.trust/sitrep/RXN/after");
  }
}
