package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BedFiguresTopologyTest {

  static final Instant AT = TrustOccupancyTopologyTest.AT;

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, Envelope<BedState>> states;
  TestInputTopic<String, Envelope<Sitrep>> sitreps;
  TestOutputTopic<String, Envelope<TrustPressure>> pressure;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, metrics);
    states = driver.createInputTopic(Topics.BED_STATES.name(), Topics.BED_STATES.keySerde().serializer(),
        Topics.BED_STATES.valueSerde().serializer());
    sitreps = driver.createInputTopic(Topics.SITREPS.name(), Topics.SITREPS.keySerde().serializer(),
        Topics.SITREPS.valueSerde().serializer());
    pressure = driver.createOutputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().deserializer(),
        Topics.TRUST_PRESSURE.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Envelope<BedState> state(String site, String ward, BedType type, Instant asAt, int open, int occupied,
      int escalation) {
    return Envelope.of("bed-state/" + site + "/" + ward + "/" + asAt + "/" + occupied, "/ingest/bed-states",
        "org.goldcommand.bed-state.v1", site, asAt, asAt.plusSeconds(5),
        new BedState(site, ward, type, asAt, open, occupied, escalation, 0));
  }

  void send(Envelope<BedState> state) {
    states.pipeInput(state.data().siteCode(), state, state.time());
  }

  static double value(Envelope<TrustPressure> out, String name) {
    return out.data().measure(name).map(Measure::value).orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void eachWardsLatestStateAcrossTheTrustsSitesIsSummedAndScoredLikeASitrep() {
    send(state("RXN02", "A1", BedType.GA, AT, 30, 30, 2));
    send(state("RXN01", "B1", BedType.GA, AT.plusSeconds(60), 20, 16, 0));
    send(state("RXN02", "ICU", BedType.CRITICAL_CARE, AT.plusSeconds(120), 10, 9, 0));

    List<Envelope<TrustPressure>> out = pressure.readValuesToList();
    assertThat(out).extracting(Envelope::id).first().isEqualTo("pressure.trust/beds/bed-state/RXN02/A1/" + AT + "/30");
    Envelope<TrustPressure> latest = out.get(out.size() - 1);
    assertThat(value(latest, "gaOccupancyPct")).as("46 of 50 open").isEqualTo(92.0);
    assertThat(value(latest, "escalationSharePct")).isEqualTo(4.0);
    assertThat(value(latest, "criticalCareOccupancyPct")).isEqualTo(90.0);
    assertThat(latest.data().measure("gaOccupancyPct")).hasValueSatisfying(m -> {
      assertThat(m.level()).isEqualTo(2);
      assertThat(m.weight()).isEqualTo(15.0);
    });
  }

  @Test
  void anOlderOrRepeatedWardStatePublishesNothing() {
    send(state("RXN02", "A1", BedType.GA, AT, 30, 30, 0));
    pressure.readValuesToList();
    send(state("RXN02", "A1", BedType.GA, AT, 30, 30, 0));
    send(state("RXN02", "A1", BedType.GA, AT.minusSeconds(600), 30, 12, 0));
    assertThat(pressure.isEmpty()).isTrue();
  }

  @Test
  void aNewerBedStateReplacesTheSitrepsFigureAndAnOlderOneNeverDoes() {
    sitreps.pipeInput("RXN", TrustOccupancyTopologyTest.sitrep("RXN", "morning", 690), AT);
    send(state("RXN02", "A1", BedType.GA, AT.minusSeconds(3600), 100, 50, 0));
    assertThat(value(pressure.readValuesToList().get(0), "gaOccupancyPct")).isEqualTo(95.8);
    assertThat(pressure.isEmpty()).as("every bed figure is older than the sitrep's").isTrue();

    send(state("RXN02", "A1", BedType.GA, AT.plusSeconds(3600), 100, 80, 0));
    Envelope<TrustPressure> out = pressure.readValue();
    assertThat(value(out, "gaOccupancyPct")).isEqualTo(80.0);
    assertThat(value(out, "criticalCareOccupancyPct")).as("still the sitrep's").isEqualTo(93.3);
  }

  @Test
  void aStateForASiteNobodyKnowsIsDroppedAndCounted() {
    send(state("ZZZ01", "A1", BedType.GA, AT, 30, 30, 0));
    assertThat(pressure.isEmpty()).isTrue();
    assertThat(metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "bed-state").count()).isEqualTo(1.0);
  }
}
