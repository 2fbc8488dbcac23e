package org.goldcommand.streams.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.goldcommand.events.alerts.AlertCommand;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

  static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  static final Duration HOLD_DOWN = Duration.ofHours(1);

  static Observation obs(boolean breaching, Instant at, Duration debounce) {
    return new Observation("trust-opel-4/RXN", "trust-opel-4", "v1", AlertKind.TRUST_LEVEL, Severity.CRITICAL, "RXN",
        "QE1", "RXN", null, breaching, null, at, debounce, HOLD_DOWN, "RXN at OPEL 4",
        breaching ? "RXN is at OPEL 4" : "RXN is at OPEL 3", List.of(), new Alert.ActionCard("Card", List.of("Act")));
  }

  static AlertCommand command(AlertCommand.Action action, String alertId, Instant at) {
    return new AlertCommand("c-" + at, alertId, "trust-opel-4/RXN", action, "duty.director", "On it", at);
  }

  /** Feeds inputs in order, collecting every published step. */
  static final class Run {
    AlertSlot slot = AlertSlot.EMPTY;
    final List<Alert> published = new ArrayList<>();

    Optional<Alert> apply(AlertLifecycle.Step step) {
      slot = step.slot();
      step.published().ifPresent(published::add);
      return step.published();
    }

    Optional<Alert> observe(Observation o) {
      return apply(AlertLifecycle.observe(slot, o));
    }

    Optional<Alert> tick(Instant now) {
      return apply(AlertLifecycle.tick(slot, now));
    }

    Optional<Alert> command(AlertCommand c) {
      return apply(AlertLifecycle.command(slot, c));
    }

    List<AlertState> states() {
      return published.stream().map(Alert::state).toList();
    }

    /** The steps that raised an alert (not the republications of one while it clears or holds again). */
    List<Alert> raisings() {
      return published.stream().filter(a -> a.state() == AlertState.RAISED && a.updatedAt().equals(a.raisedAt()))
          .toList();
    }
  }

  @Test
  void raisesAtOnceWithTheObservationsWordsAndStaysOpenWhileBreaching() {
    Run run = new Run();
    Alert raised = run.observe(obs(true, T0, Duration.ZERO)).orElseThrow();
    assertThat(raised.state()).isEqualTo(AlertState.RAISED);
    assertThat(raised.alertId()).isEqualTo("trust-opel-4/RXN@" + T0.toEpochMilli());
    assertThat(raised.message()).isEqualTo("RXN is at OPEL 4");
    assertThat(raised.action().steps()).containsExactly("Act");
    assertThat(raised.systemCode()).isEqualTo("QE1");
    assertThat(run.observe(obs(true, T0.plusSeconds(600), Duration.ZERO))).isEmpty();
    assertThat(run.tick(T0.plus(Duration.ofHours(5)))).isEmpty();
  }

  @Test
  void aDebouncedConditionIsRaisedOnlyOnceItHasHeldForTheDebounceEvenWithNoNewInput() {
    Run run = new Run();
    Duration debounce = Duration.ofMinutes(30);
    assertThat(run.observe(obs(true, T0, debounce))).isEmpty();
    assertThat(run.tick(T0.plus(Duration.ofMinutes(29)))).isEmpty();
    assertThat(run.observe(obs(false, T0.plus(Duration.ofMinutes(29)), debounce))).isEmpty();
    assertThat(run.observe(obs(true, T0.plus(Duration.ofMinutes(40)), debounce))).isEmpty();
    assertThat(run.tick(T0.plus(Duration.ofMinutes(69)))).isEmpty();
    Alert raised = run.tick(T0.plus(Duration.ofMinutes(70))).orElseThrow();
    assertThat(raised.raisedAt()).isEqualTo(T0.plus(Duration.ofMinutes(70)));
  }

  @Test
  void resolvesOnlyAfterTheConditionHasHeldClearForTheWholeHoldDown() {
    Run run = new Run();
    run.observe(obs(true, T0, Duration.ZERO));
    Alert clearing = run.observe(obs(false, T0.plusSeconds(60), Duration.ZERO)).orElseThrow();
    assertThat(clearing.state()).as("still open while the hold-down runs").isEqualTo(AlertState.RAISED);
    assertThat(clearing.clearedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(clearing.resolvesAt()).isEqualTo(T0.plusSeconds(60).plus(HOLD_DOWN));
    assertThat(run.observe(obs(false, T0.plusSeconds(120), Duration.ZERO))).as("said once").isEmpty();
    assertThat(run.tick(T0.plusSeconds(60).plus(HOLD_DOWN).minusSeconds(1))).isEmpty();
    Alert resolved = run.tick(T0.plusSeconds(60).plus(HOLD_DOWN)).orElseThrow();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.resolvedBy()).isEqualTo(AlertLifecycle.SYSTEM_ACTOR);
    assertThat(resolved.resolution()).isEqualTo("The condition has been clear for 1 h");
    assertThat(run.tick(T0.plus(Duration.ofHours(9)))).isEmpty();
  }

  @Test
  void anOlderObservationThanTheNewestIsIgnored() {
    Run run = new Run();
    run.observe(obs(true, T0, Duration.ZERO));
    run.observe(obs(false, T0.plusSeconds(600), Duration.ZERO));
    run.observe(obs(true, T0.plusSeconds(300), Duration.ZERO));
    assertThat(run.slot.clearSince()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void acknowledgingNeedsTheOpenAlertsIdAndRecordsWhoAndWhen() {
    Run run = new Run();
    Alert raised = run.observe(obs(true, T0, Duration.ZERO)).orElseThrow();
    assertThat(run.command(command(AlertCommand.Action.ACKNOWLEDGE, "trust-opel-4/RXN@1", T0.plusSeconds(5))))
        .isEmpty();
    Alert acked = run.command(command(AlertCommand.Action.ACKNOWLEDGE, raised.alertId(), T0.plusSeconds(60)))
        .orElseThrow();
    assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(acked.acknowledgedBy()).isEqualTo("duty.director");
    assertThat(acked.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(acked.acknowledgementNote()).isEqualTo("On it");
    assertThat(acked.raisedAt()).isEqualTo(T0);
  }

  @Test
  void anAlertResolvedByHandIsNotRaisedAgainUntilTheConditionClearsAndBreachesAfresh() {
    Run run = new Run();
    Alert raised = run.observe(obs(true, T0, Duration.ZERO)).orElseThrow();
    Alert resolved = run.command(command(AlertCommand.Action.RESOLVE, raised.alertId(), T0.plusSeconds(60)))
        .orElseThrow();
    assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(resolved.resolvedBy()).isEqualTo("duty.director");
    assertThat(run.observe(obs(true, T0.plusSeconds(120), Duration.ZERO))).isEmpty();
    assertThat(run.command(command(AlertCommand.Action.ACKNOWLEDGE, raised.alertId(), T0.plusSeconds(130))))
        .isEmpty();
    assertThat(run.observe(obs(false, T0.plusSeconds(180), Duration.ZERO))).isEmpty();
    Alert again = run.observe(obs(true, T0.plusSeconds(240), Duration.ZERO)).orElseThrow();
    assertThat(again.alertId()).isNotEqualTo(raised.alertId());
    assertThat(again.state()).isEqualTo(AlertState.RAISED);
  }

  @Test
  void aFeedThatTurnsStaleByItselfIsRaisedByTheClockAndClearedByFreshData() {
    Run run = new Run();
    Instant staleFrom = T0.plus(Duration.ofMinutes(30));
    Observation fresh = new Observation("stale-feed/RXN/ed-snapshot", "stale-feed", "v1", AlertKind.STALE_FEED,
        Severity.WARNING, "RXN/ed-snapshot", "QE1", "RXN", null, false, staleFrom, T0, Duration.ZERO, Duration.ZERO,
        "stale", "stale", List.of(), new Alert.ActionCard("Card", List.of("Act")));
    assertThat(run.observe(fresh)).isEmpty();
    assertThat(run.tick(staleFrom.minusSeconds(1))).isEmpty();
    assertThat(run.tick(staleFrom)).map(Alert::raisedAt).contains(staleFrom);
    Observation later = new Observation(fresh.key(), fresh.ruleId(), "v1", fresh.kind(), fresh.severity(),
        fresh.subject(), "QE1", "RXN", null, false, staleFrom.plus(Duration.ofHours(1)), staleFrom.plusSeconds(600),
        Duration.ZERO, Duration.ZERO, "stale", "stale", List.of(), fresh.action());
    assertThat(run.observe(later)).map(Alert::state).contains(AlertState.RESOLVED);
  }

  @Property
  void aValueOscillatingAroundItsThresholdFasterThanTheHoldDownRaisesOnceAndNeverResolves(
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 1, max = 3599) Integer> gapsSeconds,
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 3599) Integer> tickOffsets) {
    Run run = new Run();
    Instant at = T0;
    boolean breaching = true;
    for (int i = 0; i < gapsSeconds.size(); i++) {
      run.observe(obs(breaching, at, Duration.ZERO));
      int gap = gapsSeconds.get(i);
      run.tick(at.plusSeconds(Math.min(gap - 1, tickOffsets.get(i % tickOffsets.size()))));
      at = at.plusSeconds(gap);
      breaching = !breaching;
    }
    assertThat(run.raisings()).hasSize(1);
    assertThat(run.states()).containsOnly(AlertState.RAISED);
    assertThat(run.published).extracting(Alert::alertId).containsOnly(run.raisings().get(0).alertId());
  }

  @Test
  void anAlertWhoseConditionReturnsDuringTheHoldDownSaysSoAndStaysOpen() {
    Run run = new Run();
    run.observe(obs(true, T0, Duration.ZERO));
    run.observe(obs(false, T0.plusSeconds(60), Duration.ZERO));
    Alert holding = run.observe(obs(true, T0.plusSeconds(600), Duration.ZERO)).orElseThrow();
    assertThat(holding.state()).isEqualTo(AlertState.RAISED);
    assertThat(holding.clearedAt()).isNull();
    assertThat(holding.resolvesAt()).isNull();
    assertThat(run.tick(T0.plusSeconds(60).plus(HOLD_DOWN))).as("the hold-down started again").isEmpty();
    assertThat(run.raisings()).hasSize(1);
  }

  @Property
  void neverTwoOpenAlertsEveryResolutionFollowsItsRaiseAndCommandsOnlyTouchTheOpenOne(
      @ForAll("inputs") List<Integer> inputs) {
    Run run = new Run();
    Instant at = T0;
    Map<String, AlertState> latest = new HashMap<>();
    Set<String> raised = new HashSet<>();
    List<String> ids = new ArrayList<>(List.of("trust-opel-4/RXN@0"));
    for (int input : inputs) {
      at = at.plusSeconds(60L * (1 + input % 37));
      Optional<Alert> step = switch (input % 6) {
        case 0, 1 -> run.observe(obs(true, at, Duration.ofMinutes(input % 3 * 10)));
        case 2 -> run.observe(obs(false, at, Duration.ZERO));
        case 3 -> run.tick(at);
        case 4 -> run.command(command(AlertCommand.Action.ACKNOWLEDGE, ids.get(input % ids.size()), at));
        default -> run.command(command(AlertCommand.Action.RESOLVE, ids.get(input % ids.size()), at));
      };
      step.ifPresent(a -> {
        if (a.state() == AlertState.RAISED) {
          raised.add(a.alertId());
          ids.add(a.alertId());
        } else {
          assertThat(raised).contains(a.alertId());
          assertThat(latest.get(a.alertId())).isNotEqualTo(AlertState.RESOLVED);
        }
        latest.put(a.alertId(), a.state());
      });
      assertThat(latest.values().stream().filter(s -> s != AlertState.RESOLVED).count()).isLessThanOrEqualTo(1);
    }
  }

  @Provide
  Arbitrary<List<Integer>> inputs() {
    return Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(80);
  }

  @Property
  void acknowledgingTwiceIsTheSameAsOnce(@ForAll @IntRange(min = 0, max = 100_000) int seconds) {
    Run run = new Run();
    Alert raised = run.observe(obs(true, T0, Duration.ZERO)).orElseThrow();
    AlertCommand ack = command(AlertCommand.Action.ACKNOWLEDGE, raised.alertId(), T0.plusSeconds(seconds));
    run.command(ack);
    AlertSlot once = run.slot;
    assertThat(run.command(ack)).isEmpty();
    assertThat(run.command(command(AlertCommand.Action.ACKNOWLEDGE, raised.alertId(), T0.plusSeconds(seconds + 9))))
        .isEmpty();
    assertThat(run.slot).isEqualTo(once);
    assertThat(run.states()).containsExactly(AlertState.RAISED, AlertState.ACKNOWLEDGED);
  }
}
