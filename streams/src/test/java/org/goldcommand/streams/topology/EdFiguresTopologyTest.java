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
import org.goldcommand.events.deadletter.DeadLetter;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.streams.domain.ed.SiteAttendances;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdFiguresTopologyTest {

  /** Midnight in London (GMT in November). */
  static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, Envelope<EdSnapshot>> snapshots;
  TestInputTopic<String, Envelope<AttendanceEvent>> attendances;
  TestOutputTopic<String, Envelope<TrustPressure>> pressure;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    driver = TestDrivers.application(stateDir, metrics);
    snapshots = driver.createInputTopic(Topics.ED_SNAPSHOTS.name(), Topics.ED_SNAPSHOTS.keySerde().serializer(),
        Topics.ED_SNAPSHOTS.valueSerde().serializer());
    attendances = driver.createInputTopic(Topics.ED_ATTENDANCES.name(),
        Topics.ED_ATTENDANCES.keySerde().serializer(), Topics.ED_ATTENDANCES.valueSerde().serializer());
    pressure = driver.createOutputTopic(Topics.TRUST_PRESSURE.name(), Topics.TRUST_PRESSURE.keySerde().deserializer(),
        Topics.TRUST_PRESSURE.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Instant at(int hour, int minute) {
    return MIDNIGHT.plusSeconds(hour * 3600L + minute * 60L);
  }

  static Envelope<EdSnapshot> snapshot(String site, Instant asAt, int inDepartment, int capacity, int over12h,
      int attendances, int breaches) {
    return Envelope.of("ed-snapshot/" + site + "/" + asAt, "/ingest/ed-snapshots", "org.goldcommand.ed-snapshot.v1",
        site, asAt, asAt.plusSeconds(5), new EdSnapshot(site, asAt, inDepartment, capacity, 0, over12h, 0, 0, null,
            null, null, attendances, breaches));
  }

  static Envelope<AttendanceEvent> step(String site, String attendance, AttendanceStep step, Instant at) {
    return Envelope.of("ed-attendance/" + site + "/" + attendance + "/" + step, "/ingest/ed-attendances",
        "org.goldcommand.ed-attendance.v1", site, at, at.plusSeconds(5),
        new AttendanceEvent(attendance, site, step, at, AttendanceEvent.ArrivalMode.WALK_IN, 3));
  }

  void send(Envelope<AttendanceEvent> event) {
    attendances.pipeInput(event.data().siteCode(), event, event.time());
  }

  static Measure measure(Envelope<TrustPressure> out, String name) {
    return out.data().measure(name).orElseThrow(() -> new AssertionError("no " + name + " in " + out.data()));
  }

  Envelope<TrustPressure> latest() {
    List<Envelope<TrustPressure>> out = pressure.readValuesToList();
    assertThat(out).isNotEmpty();
    return out.get(out.size() - 1);
  }

  @Test
  void aSnapshotGivesTheTrustItsThreeEdParametersScored() {
    snapshots.pipeInput("RXN02", snapshot("RXN02", at(10, 0), 90, 80, 9, 200, 50), at(10, 0));

    Envelope<TrustPressure> out = pressure.readValue();
    assertThat(out.id()).isEqualTo("pressure.trust/ed/ed-snapshot/RXN02/" + at(10, 0));
    assertThat(measure(out, "edOccupancyPct").value()).isEqualTo(112.5);
    assertThat(measure(out, "edOccupancyPct").level()).isEqualTo(3);
    assertThat(measure(out, "over12hPct").value()).isEqualTo(10.0);
    assertThat(measure(out, "over12hPct").level()).isEqualTo(3);
    assertThat(measure(out, "fourHourPct").value()).isEqualTo(75.0);
    assertThat(measure(out, "fourHourPct").level()).isEqualTo(2);
    assertThat(out.data().asAt()).isEqualTo(at(10, 0));
  }

  @Test
  void aTrustsSitesArePooledAndAnOlderOrRepeatedSnapshotChangesNothing() {
    snapshots.pipeInput("RXN02", snapshot("RXN02", at(10, 0), 90, 80, 9, 200, 50), at(10, 0));
    snapshots.pipeInput("RXN01", snapshot("RXN01", at(10, 5), 10, 20, 1, 50, 0), at(10, 5));
    snapshots.pipeInput("RXN01", snapshot("RXN01", at(10, 5), 10, 20, 1, 50, 0), at(10, 6));
    snapshots.pipeInput("RXN01", snapshot("RXN01", at(9, 0), 40, 20, 20, 40, 40), at(10, 7));

    List<Envelope<TrustPressure>> out = pressure.readValuesToList();
    assertThat(out).hasSize(2);
    Envelope<TrustPressure> pooled = out.get(1);
    // 100 patients over 100 places; 10 of 100 over 12 h; 200 of 250 within 4 h.
    assertThat(measure(pooled, "edOccupancyPct").value()).isEqualTo(100.0);
    assertThat(measure(pooled, "over12hPct").value()).isEqualTo(10.0);
    assertThat(measure(pooled, "fourHourPct").value()).isEqualTo(80.0);
    assertThat(measure(pooled, "edSitesReporting").value()).isEqualTo(2.0);
  }

  @Test
  void attendanceStepsInAnyOrderGiveTheSitesFiguresAndAReSentStepCountsOnce() {
    send(step("RXN02", "long", AttendanceStep.ARRIVAL, at(1, 0)));
    send(step("RXN02", "slow", AttendanceStep.DEPARTURE, at(13, 0)));
    send(step("RXN02", "quick", AttendanceStep.DEPARTURE, at(12, 0)));
    send(step("RXN02", "quick", AttendanceStep.ARRIVAL, at(10, 0)));
    send(step("RXN02", "slow", AttendanceStep.ARRIVAL, at(8, 0)));
    send(step("RXN02", "now", AttendanceStep.ARRIVAL, at(13, 30)));
    pressure.readValuesToList();
    send(step("RXN02", "slow", AttendanceStep.ARRIVAL, at(8, 0)));
    assertThat(pressure.isEmpty()).as("a re-sent step publishes nothing").isTrue();
    send(step("RXN02", "now", AttendanceStep.SEEN, at(13, 40)));

    Envelope<TrustPressure> out = latest();
    // Today: quick 2 h (within), slow 5 h (breach) = 50%. In department at 13:40: long (12 h 40) and now.
    assertThat(measure(out, "fourHourPct").value()).isEqualTo(50.0);
    assertThat(measure(out, "over12hPct").value()).isEqualTo(50.0);
    assertThat(measure(out, "edPatientsInDepartment").value()).isEqualTo(2.0);
    assertThat(out.data().measure("edOccupancyPct")).as("no capacity without a snapshot").isEmpty();
  }

  @Test
  void aLateStepCountsInItsOwnDayWithinTheGraceAndIsDroppedAndCountedAfterIt() {
    send(step("RXN02", "a", AttendanceStep.ARRIVAL, at(20, 0)));
    send(step("RXN02", "a", AttendanceStep.DEPARTURE, at(21, 0)));
    send(step("RXN02", "b", AttendanceStep.ARRIVAL, at(22, 0)));
    send(step("RXN02", "c", AttendanceStep.ARRIVAL, at(24, 30)));
    send(step("RXN02", "b", AttendanceStep.DEPARTURE, at(23, 30)));
    send(step("RXN02", "d", AttendanceStep.ARRIVAL, at(26, 30)));
    send(step("RXN02", "e", AttendanceStep.ARRIVAL, at(23, 0)));

    EdFiguresTopology.SiteState site = driver.<String, EdFiguresTopology.SiteState>getKeyValueStore(
        EdFiguresTopology.SITES_STORE).get("RXN02");
    assertThat(site.attendances().days()).containsExactly(
        new SiteAttendances.DayTally(MIDNIGHT.atZone(HandoverFiguresTopology.LOCAL).toLocalDate(), 2, 2));
    assertThat(site.attendances().inDepartment()).containsOnlyKeys("RXN02/c", "RXN02/d");
    assertThat(metrics.counter(EdFiguresTopology.LATE_METRIC, "feed", "ed-attendance").count()).isEqualTo(1.0);
    assertThat(latest().data().measure("fourHourPct")).as("no new figure: no departures yet on the 25th")
        .map(Measure::asAt).contains(at(22, 0));
  }

  @Test
  void aSnapshotIsUsedWhileFreshThenTheAttendancesTakeOverWithItsCapacity() {
    snapshots.pipeInput("RXN02", snapshot("RXN02", at(10, 0), 90, 80, 9, 200, 50), at(10, 0));
    send(step("RXN02", "a", AttendanceStep.ARRIVAL, at(9, 0)));
    send(step("RXN02", "b", AttendanceStep.ARRIVAL, at(10, 30)));
    assertThat(measure(latest(), "edPatientsInDepartment").value()).as("snapshot still fresh").isEqualTo(90.0);

    send(step("RXN02", "a", AttendanceStep.DEPARTURE, at(10, 31)));
    Envelope<TrustPressure> out = latest();
    assertThat(measure(out, "edPatientsInDepartment").value()).isEqualTo(1.0);
    assertThat(measure(out, "edOccupancyPct").value()).as("1 of the snapshot's 80 places").isEqualTo(1.3);
    assertThat(measure(out, "fourHourPct").value()).isEqualTo(100.0);
    assertThat(out.data().asAt()).isEqualTo(at(10, 31));
  }

  @Test
  void aStepForASiteNobodyKnowsIsDroppedAndCountedNotDeadLettered() {
    TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
        Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());
    send(step("ZZZ01", "x", AttendanceStep.ARRIVAL, at(9, 0)));
    snapshots.pipeInput("ZZZ01", snapshot("ZZZ01", at(10, 0), 9, 8, 0, 20, 5), at(10, 0));

    assertThat(pressure.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "ed-attendance").count())
        .isEqualTo(1.0);
    assertThat(metrics.counter(EdFiguresTopology.UNKNOWN_SITE_METRIC, "feed", "ed-snapshot").count()).isEqualTo(1.0);
  }
}
