package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.sitrep.Sitrep;
import org.goldcommand.events.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed that stops is seen as stale by the clock, with no new input. */
class TrustStalenessTest {

  static final Instant AT = TrustOccupancyTopologyTest.AT;

  TopologyTestDriver driver;
  Instant wallClock = AT.plusSeconds(30);
  TestInputTopic<String, Envelope<Sitrep>> sitreps;
  TestInputTopic<String, Envelope<EdSnapshot>> snapshots;
  TestOutputTopic<String, Envelope<TrustPressure>> pressure;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, new SimpleMeterRegistry(), wallClock);
    sitreps = driver.createInputTopic(Topics.SITREPS.name(), Topics.SITREPS.keySerde().serializer(),
        Topics.SITREPS.valueSerde().serializer());
    snapshots = driver.createInputTopic(Topics.ED_SNAPSHOTS.name(), Topics.ED_SNAPSHOTS.keySerde().serializer(),
        Topics.ED_SNAPSHOTS.valueSerde().serializer());
    pressure = driver.createOutputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().deserializer(),
        Topics.TRUST_PRESSURE.valueSerde().deserializer());
    sitreps.pipeInput("RXN", TrustOccupancyTopologyTest.sitrep("RXN", "beds", 690), AT);
    snapshots.pipeInput("RXN02", EdFiguresTopologyTest.snapshot("RXN02", AT, 90, 80, 9, 200, 50), AT);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** Moves the wall clock to {@code at} after {@link #AT}, firing the re-scoring once. */
  void clockAt(Duration at) {
    Instant now = AT.plus(at);
    driver.advanceWallClockTime(Duration.between(wallClock, now));
    wallClock = now;
  }

  @Test
  void whileEveryFigureIsFreshTheClockPublishesNothing() {
    Envelope<TrustPressure> fresh = pressure.readValuesToList().get(1);
    assertThat(fresh.data().completeness()).as("beds 25 and ED 35 of 100 weight").isEqualTo(0.6);
    clockAt(Duration.ofMinutes(2));
    clockAt(Duration.ofMinutes(29));
    assertThat(pressure.isEmpty()).isTrue();
  }

  @Test
  void aStoppedEdFeedTurnsStaleByTheClockOnceAndTheScoreSaysSo() {
    Envelope<TrustPressure> fresh = pressure.readValuesToList().get(1);
    clockAt(Duration.ofMinutes(31));
    Envelope<TrustPressure> stale = pressure.readValue();
    Instant now = AT.plus(Duration.ofMinutes(31));
    assertThat(stale.id()).isEqualTo("pressure.trust/RXN/stale@" + now.toEpochMilli());
    assertThat(stale.receivedAt()).isEqualTo(now);
    assertThat(stale.data().asAt()).as("as new as its newest figure").isEqualTo(AT);
    assertThat(stale.data().completeness()).as("the ED parameters' 35 of 100 weight gone").isEqualTo(0.25);
    assertThat(stale.data().measure("edOccupancyPct")).hasValueSatisfying(m -> assertThat(m.level()).isNull());
    assertThat(stale.data().measure("gaOccupancyPct")).map(Measure::level).contains(3);
    assertThat(stale.data().score()).isNotEqualTo(fresh.data().score());

    clockAt(Duration.ofMinutes(40));
    assertThat(pressure.isEmpty()).as("nothing more changed").isTrue();

    clockAt(Duration.ofHours(27));
    Envelope<TrustPressure> allStale = pressure.readValue();
    assertThat(allStale.data().completeness()).isZero();
    assertThat(allStale.data().score()).isNull();
    assertThat(allStale.data().opelLevel()).isNull();
  }

  @Test
  void aFreshFigureAfterTheFeedWasStaleIsScoredAgainAtOnce() {
    clockAt(Duration.ofMinutes(45));
    pressure.readValuesToList();
    Instant later = AT.plus(Duration.ofMinutes(45));
    snapshots.pipeInput("RXN02", EdFiguresTopologyTest.snapshot("RXN02", later, 90, 80, 9, 200, 50), later);
    assertThat(pressure.readValue().data().completeness()).isEqualTo(0.6);
    clockAt(Duration.ofMinutes(47));
    assertThat(pressure.isEmpty()).isTrue();
  }
}
