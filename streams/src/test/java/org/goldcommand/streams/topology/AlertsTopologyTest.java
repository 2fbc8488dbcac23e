package org.goldcommand.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.status.FeedStatus;
import org.goldcommand.events.topics.Topic;
import org.goldcommand.events.topics.Topics;
import org.goldcommand.events.vaccine.ColdChainReading;
import org.goldcommand.events.vaccine.VaccineBookings;
import org.goldcommand.events.vaccine.VaccineStock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

  static final String RXN = "Lancashire Teaching Hospitals NHS Foundation Trust";

  @TempDir
  Path stateDir;

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestOutputTopic<String, Alert> alerts;
  /** The driver's wall clock starts at the real time, so business times are set around it. */
  Instant now;

  @BeforeEach
  void start() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    driver = TestDrivers.application(stateDir, metrics);
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  static Envelope<TrustPressure> pressure(String org, int level, double score, Instant at) {
    List<Measure> measures = List.of(
        new Measure("handoverMeanMinutes", "Mean ambulance handover (last 60 min)", 72, "minutes", at, 4, 15.0, 15.0),
        new Measure("gaOccupancyPct", "G&A bed occupancy", 98.1, "%", at, 4, 15.0, 15.0),
        new Measure("staffAbsencePct", "Staff absence", 3, "%", at, 1, 5.0, 0.0));
    TrustPressure p = new TrustPressure(org, null, "QE1", at, measures, score, level, "test", 1.0);
    return Envelope.of("pressure/" + org + "/" + at, "/test", "org.goldcommand.pressure.trust.v1", org, at, at, p);
  }

  List<Alert> alertsFor(String key) {
    return alerts.readValuesToList().stream().filter(a -> a.key().equals(key)).toList();
  }

  @Test
  void aTrustReachingOpelFourRaisesOneAlertWithItsFiguresMessageAndActionCard() {
    var trusts = input(Topics.TRUST_PRESSURE);
    trusts.pipeInput("RXN", pressure("RXN", 4, 78.5, now));
    trusts.pipeInput("RXN", pressure("RXN", 4, 80.0, now.plusSeconds(300)));

    List<Alert> steps = alertsFor("trust-opel-4/RXN");
    assertThat(steps).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.RAISED);
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.message()).isEqualTo(RXN + " is at OPEL 4 (score 78.5): Mean ambulance handover (last 60 min) "
          + "72 minutes, G&A bed occupancy 98.1%.");
      assertThat(a.action().steps()).contains("Declare OPEL 4 to the ICB on-call director");
      assertThat(a.systemCode()).isEqualTo("QE1");
      assertThat(a.orgCode()).isEqualTo("RXN");
      assertThat(a.rulesVersion()).isEqualTo("design-2026.12-illustrative");
      assertThat(a.figures()).extracting(Alert.Figure::name).startsWith("score", "opelLevel");
    });
  }

  @Test
  void aLevelOscillatingAroundOpelFourRaisesOnceAndResolvesOnceAfterTheHoldDown() {
    var trusts = input(Topics.TRUST_PRESSURE);
    Instant start = now.minus(Duration.ofMinutes(40));
    for (int i = 0; i < 5; i++) {
      trusts.pipeInput("RXN", pressure("RXN", i % 2 == 0 ? 4 : 3, i % 2 == 0 ? 76 : 70,
          start.plus(Duration.ofMinutes(10L * i))));
    }
    trusts.pipeInput("RXN", pressure("RXN", 3, 70, now.plus(Duration.ofMinutes(1))));
    driver.advanceWallClockTime(Duration.ofMinutes(110));
    List<Alert> open = alertsFor("trust-opel-4/RXN");
    assertThat(open).extracting(Alert::state).containsOnly(AlertState.RAISED);
    assertThat(open).extracting(Alert::alertId).containsOnly(open.get(0).alertId());
    assertThat(open).filteredOn(a -> a.updatedAt().equals(a.raisedAt())).as("raised once").hasSize(1);
    Alert clearing = open.get(open.size() - 1);
    assertThat(clearing.clearedAt()).as("the last step says it is clearing").isNotNull();
    assertThat(clearing.resolvesAt()).isEqualTo(clearing.clearedAt().plus(Duration.ofHours(2)));

    driver.advanceWallClockTime(Duration.ofMinutes(12));
    List<Alert> resolved = alertsFor("trust-opel-4/RXN");
    assertThat(resolved).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
      assertThat(a.resolvedBy()).isEqualTo("gold-command");
      assertThat(a.resolution()).isEqualTo("The condition has been clear for 2 h");
    });
    driver.advanceWallClockTime(Duration.ofHours(5));
    assertThat(alertsFor("trust-opel-4/RXN")).isEmpty();
  }

  @Test
  void aReplayFasterThanTheWallClockResolvesWhenTheDataHaveBeenClearForTheHoldDown() {
    var trusts = input(Topics.TRUST_PRESSURE);
    trusts.pipeInput("RXN", pressure("RXN", 4, 80, now));
    for (int minutes = 1; minutes <= 120; minutes += 7) {
      trusts.pipeInput("RXN", pressure("RXN", 3, 70, now.plus(Duration.ofMinutes(minutes))));
    }
    assertThat(alertsFor("trust-opel-4/RXN")).extracting(Alert::clearedAt)
        .as("raised, then once as clearing").containsExactly(null, now.plus(Duration.ofMinutes(1)));
    trusts.pipeInput("RXN", pressure("RXN", 3, 69, now.plus(Duration.ofMinutes(121))));
    assertThat(alertsFor("trust-opel-4/RXN")).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
      assertThat(a.resolvedAt()).isEqualTo(now.plus(Duration.ofMinutes(121)));
    });
  }

  @Test
  void aFeedThatStopsIsStaleByTheWallClockAndRecoversWhenDataArrives() {
    var status = input(Topics.FEED_STATUS);
    status.pipeInput("RXN/ed-snapshot", new FeedStatus("RXN", "QE1", "ed-snapshot", now, now, 1, 0, null, null,
        LocalDate.now()));
    driver.advanceWallClockTime(Duration.ofMinutes(29));
    assertThat(alertsFor("stale-feed/RXN/ed-snapshot")).isEmpty();

    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(alertsFor("stale-feed/RXN/ed-snapshot")).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.RAISED);
      assertThat(a.message()).startsWith(RXN + " has sent no ed-snapshot data since ").contains("(limit 30 min)");
    });

    Instant fresh = now.plus(Duration.ofMinutes(32));
    status.pipeInput("RXN/ed-snapshot", new FeedStatus("RXN", "QE1", "ed-snapshot", fresh, fresh, 2, 0, null, null,
        LocalDate.now()));
    assertThat(alertsFor("stale-feed/RXN/ed-snapshot")).extracting(Alert::state)
        .containsExactly(AlertState.RESOLVED);
  }

  @Test
  void aFeedSendingEveryFewSecondsIsNeverStaleThoughNotEveryStatusReachesTheLifecycle() {
    var status = input(Topics.FEED_STATUS);
    for (int i = 0; i <= 150; i++) {
      Instant at = now.plusSeconds(20L * i);
      status.pipeInput("RXN/cold-chain", new FeedStatus("RXN", "QE1", "cold-chain", at, at, i, 0, null, null,
          LocalDate.now()));
      driver.advanceWallClockTime(Duration.ofSeconds(20));
    }
    assertThat(alertsFor("stale-feed/RXN/cold-chain")).isEmpty();
    driver.advanceWallClockTime(Duration.ofMinutes(61));
    assertThat(alertsFor("stale-feed/RXN/cold-chain")).extracting(Alert::state).containsExactly(AlertState.RAISED);
  }

  @Test
  void aFridgeReadingOutsideTwoToEightDegreesIsAnExcursionPlacedAtItsSite() {
    var readings = input(Topics.COLD_CHAIN);
    readings.pipeInput("QE1VC1", Envelope.of("cold/1", "/test", "org.goldcommand.cold-chain.v1", "QE1VC1", now, now,
        new ColdChainReading("FRIDGE-2", "QE1VC1", now, 5.1)));
    readings.pipeInput("QE1VC1", Envelope.of("cold/2", "/test", "org.goldcommand.cold-chain.v1", "QE1VC1",
        now.plusSeconds(300), now.plusSeconds(300), new ColdChainReading("FRIDGE-2", "QE1VC1", now.plusSeconds(300), 9.4)));

    assertThat(alertsFor("cold-chain-excursion/QE1VC1/FRIDGE-2")).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.siteCode()).isEqualTo("QE1VC1");
      assertThat(a.orgCode()).isEqualTo("QE1VC");
      assertThat(a.systemCode()).isEqualTo("QE1");
      assertThat(a.message()).startsWith("Fridge FRIDGE-2 at Blackburn Cathedral crypt read 9.4 °C at ")
          .endsWith("outside the safe range 2-8 °C.");
    });
  }

  @Test
  void shortDatedStockThatBookingsWillNotUseRaisesDosesAtRiskAndMoreBookingsClearIt() {
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Europe/London"));
    var stock = input(Topics.VACCINE_STOCK);
    var bookings = input(Topics.VACCINE_BOOKINGS);
    bookings.pipeInput("RXN2H", Envelope.of("book/1", "/test", "org.goldcommand.vaccine-bookings.v1", "RXN2H", now,
        now, new VaccineBookings("RXN2H", today, "COMIRNATY", 30)));
    stock.pipeInput("RXN2H", Envelope.of("stock/1", "/test", "org.goldcommand.vaccine-stock.v1", "RXN2H", now,
        now.plusSeconds(1), new VaccineStock("RXN2H", now, List.of(new VaccineStock.Line("COMIRNATY", "FA1234",
            today.plusDays(90), today.plusDays(1), 10, 6, 0, 0)))));

    assertThat(alertsFor("doses-at-risk/RXN2H/COMIRNATY")).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AlertState.RAISED);
      assertThat(a.figures()).filteredOn(f -> f.name().equals("dosesAtRisk")).extracting(Alert.Figure::value)
          .containsExactly(30.0);
      assertThat(a.message()).startsWith("Royal Preston hospital hub has 30 doses of COMIRNATY");
    });

    bookings.pipeInput("RXN2H", Envelope.of("book/2", "/test", "org.goldcommand.vaccine-bookings.v1", "RXN2H", now,
        now.plusSeconds(2), new VaccineBookings("RXN2H", today.plusDays(1), "COMIRNATY", 40)));
    assertThat(alertsFor("doses-at-risk/RXN2H/COMIRNATY")).extracting(Alert::state)
        .containsExactly(AlertState.RESOLVED);
  }

  @Test
  void aPersonAcknowledgesTheOpenAlertByItsIdAndCommandsForOtherOccurrencesAreIgnored() {
    input(Topics.TRUST_PRESSURE).pipeInput("RXN", pressure("RXN", 4, 78.5, now));
    Alert raised = alertsFor("trust-opel-4/RXN").get(0);
    var commands = input(Topics.ALERT_COMMANDS);
    String key = raised.key();
    commands.pipeInput(key, new AlertCommand("c1", key + "@1", key, AlertCommand.Action.ACKNOWLEDGE, "old.tab",
        null, now.plusSeconds(10)));
    commands.pipeInput("other", new AlertCommand("c2", "trust-opel-4/RXL@1", "trust-opel-4/RXL",
        AlertCommand.Action.RESOLVE, "someone", null, now.plusSeconds(10)));
    assertThat(alerts.readValuesToList()).isEmpty();

    commands.pipeInput(key, new AlertCommand("c3", raised.alertId(), key, AlertCommand.Action.ACKNOWLEDGE,
        "duty.director", "Calling the site manager", now.plusSeconds(60)));
    commands.pipeInput(key, new AlertCommand("c3", raised.alertId(), key, AlertCommand.Action.ACKNOWLEDGE,
        "duty.director", "Calling the site manager", now.plusSeconds(60)));
    assertThat(alertsFor(key)).singleElement().satisfies(a -> {
      assertThat(a.alertId()).isEqualTo(raised.alertId());
      assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED);
      assertThat(a.acknowledgedBy()).isEqualTo("duty.director");
      assertThat(a.acknowledgedAt()).isEqualTo(now.plusSeconds(60));
      assertThat(a.acknowledgementNote()).isEqualTo("Calling the site manager");
    });
    assertThat(metrics.counter("gc.alerts.commands", "outcome", "no-effect").count()).isEqualTo(3);
  }

  @Test
  void pressureForAnOrganisationOutsideTheReferenceDataIsSkippedAndCounted() {
    input(Topics.TRUST_PRESSURE).pipeInput("ZZZ", pressure("ZZZ", 4, 90, now));
    assertThat(alerts.readValuesToList()).isEmpty();
    assertThat(metrics.counter("gc.alerts.inputs.skipped", "topic", Topics.TRUST_PRESSURE.name()).count())
        .isEqualTo(1);
  }
}
