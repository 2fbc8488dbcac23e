package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.SystemPressure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPressureTopologyTest {

  static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

  @TempDir
  Path stateDir;

  TopologyTestDriver driver;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Envelope<TrustPressure> trust(String org, double score, int level, Instant at) {
    return Envelope.of("pressure.trust/" + org + "/" + at, "/streams/trust-occupancy", "org.goldcommand.pressure.trust.v1",
        org, at, at, new TrustPressure(org, org, "QE1", at, List.of(), score, level, "v", 0.4));
  }

  @Test
  void theSystemIsTheBedWeightedMeanOfItsTrustsWithTheHighestTrustLevel() {
    var trusts = driver.createInputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().serializer(),
        Topics.TRUST_PRESSURE.valueSerde().serializer());
    var systems = driver.createOutputTopic(Topics.SYSTEM_PRESSURE.name(), Topics.SYSTEM_PRESSURE.keySerde().deserializer(),
        Topics.SYSTEM_PRESSURE.valueSerde().deserializer());

    trusts.pipeInput("RXN", trust("RXN", 20.0, 1, AT), AT);
    trusts.pipeInput("RTX", trust("RTX", 80.0, 4, AT.plusSeconds(60)), AT);
    trusts.pipeInput("RXN", trust("RXN", 30.0, 2, AT.plusSeconds(120)), AT);

    List<Envelope<SystemPressure>> out = systems.readValuesToList();
    assertThat(out).hasSize(3);
    SystemPressure latest = out.get(2).data();
    // RXN has 870 core beds, RTX 670: (30 x 870 + 80 x 670) / 1540 = 51.8
    assertThat(latest.score()).isEqualTo(51.8);
    assertThat(latest.opelLevel()).isEqualTo(3);
    assertThat(latest.highestTrustLevel()).isEqualTo(4);
    assertThat(latest.trusts()).extracting(SystemPressure.TrustPart::orgCode).containsExactly("RTX", "RXN");
    assertThat(latest.asAt()).isEqualTo(AT.plusSeconds(120));
    assertThat(out.get(2).subject()).isEqualTo("QE1");
  }

  @Test
  void aSystemClimbingOverTwoHoursSaysItIsRisingFast() {
    var trusts = driver.createInputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().serializer(),
        Topics.TRUST_PRESSURE.valueSerde().serializer());
    var systems = driver.createOutputTopic(Topics.SYSTEM_PRESSURE.name(), Topics.SYSTEM_PRESSURE.keySerde().deserializer(),
        Topics.SYSTEM_PRESSURE.valueSerde().deserializer());

    trusts.pipeInput("RXN", trust("RXN", 20.0, 1, AT), AT);
    trusts.pipeInput("RXN", trust("RXN", 26.0, 2, AT.plusSeconds(3_600)), AT);
    trusts.pipeInput("RXN", trust("RXN", 41.0, 2, AT.plusSeconds(7_200)), AT);

    List<SystemPressure> out = systems.readValuesToList().stream().map(Envelope::data).toList();
    assertThat(out.get(0).trend()).isEqualTo(new SystemPressure.Trend(null, null, false));
    SystemPressure latest = out.get(2);
    assertThat(latest.trend().change2h()).isEqualTo(21.0);
    assertThat(latest.trend().change4h()).isNull();
    assertThat(latest.trend().risingFast()).isTrue();
  }

  @Test
  void aTrustWhoseFiguresHaveAllGoneStaleLeavesTheSystemScore() {
    var trusts = driver.createInputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().serializer(),
        Topics.TRUST_PRESSURE.valueSerde().serializer());
    var systems = driver.createOutputTopic(Topics.SYSTEM_PRESSURE.name(), Topics.SYSTEM_PRESSURE.keySerde().deserializer(),
        Topics.SYSTEM_PRESSURE.valueSerde().deserializer());

    trusts.pipeInput("RXN", trust("RXN", 20.0, 1, AT), AT);
    trusts.pipeInput("RTX", trust("RTX", 80.0, 4, AT), AT);
    Instant later = AT.plusSeconds(3_600);
    trusts.pipeInput("RTX", Envelope.of("pressure.trust/RTX/stale", "/streams/trust-occupancy",
        "org.goldcommand.pressure.trust.v1", "RTX", later, later,
        new TrustPressure("RTX", "RTX", "QE1", later, List.of(), null, null, "v", 0.0)), AT);

    SystemPressure latest = systems.readValuesToList().get(2).data();
    assertThat(latest.trusts()).extracting(SystemPressure.TrustPart::orgCode).containsExactly("RXN");
    assertThat(latest.score()).isEqualTo(20.0);
    assertThat(latest.highestTrustLevel()).isEqualTo(1);
  }
}
