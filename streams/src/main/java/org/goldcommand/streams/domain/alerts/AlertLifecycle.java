package org.goldcommand.streams.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.AlertCommand;

/**
 * The life of the alerts for one key, as a pure state machine, so that the rules leads rely on can
 * be proved without Kafka. An alert is raised once the condition has held for the debounce (at once
 * when that is zero); it stays open while the condition holds; it resolves by itself only after the
 * condition has held clear for the whole hold-down, so a value hovering around its threshold raises
 * one alert, not one a minute. There is never more than one open alert per key. A person may
 * acknowledge or resolve only the open alert they saw (by its alert id); an alert resolved by hand
 * while the condition still holds is not raised again until the condition has cleared and breached
 * afresh. While the hold-down runs, the open alert is published once more with when its condition
 * cleared and when it will resolve (its message's figures are no longer current), and again without
 * them if the condition returns before then.
 *
 * <p>Time is the observation's own time for observations (so replays and tests give the same
 * answer), and whatever the caller says for {@link #tick}; a tick earlier than the newest
 * observation is judged at the observation's time, so time never runs backwards for a key.
 */
public final class AlertLifecycle {

  /** Who resolves an alert whose condition cleared by itself. */
  public static final String SYSTEM_ACTOR = "gold-command";

  private AlertLifecycle() {}

  /**
   * The outcome of one input: the slot to store and the alert step to publish, if any.
   *
   * @param slot the slot after the input
   * @param published the alert as it now stands, when the input changed it
   */
  public record Step(AlertSlot slot, Optional<Alert> published) {

    static Step quiet(AlertSlot slot) {
      return new Step(slot, Optional.empty());
    }

    static Step publish(AlertSlot slot) {
      return new Step(slot, Optional.of(slot.alert()));
    }
  }

  /** Applies an observation; one older than the newest already seen for the key is ignored. */
  public static Step observe(AlertSlot slot, Observation observation) {
    AlertSlot s = slot == null ? AlertSlot.EMPTY : slot;
    if (s.latest() != null && observation.at().isBefore(s.latest().at())) {
      return Step.quiet(s);
    }
    return judge(new AlertSlot(s.alert(), observation, s.breachingSince(), s.clearSince(), s.awaitingClear()),
        observation.at());
  }

  /** Lets time pass with no new input: a debounce or hold-down may complete, a feed may go stale. */
  public static Step tick(AlertSlot slot, Instant now) {
    if (slot == null || slot.latest() == null) {
      return Step.quiet(slot == null ? AlertSlot.EMPTY : slot);
    }
    Instant at = now.isBefore(slot.latest().at()) ? slot.latest().at() : now;
    return judge(slot, at);
  }

  /** Applies a person's command; one for another occurrence, a closed alert or with no author has no effect. */
  public static Step command(AlertSlot slot, AlertCommand command) {
    AlertSlot s = slot == null ? AlertSlot.EMPTY : slot;
    if (!s.hasOpenAlert() || command.alertId() == null || !command.alertId().equals(s.alert().alertId())
        || command.action() == null || command.by() == null || command.by().isBlank() || command.at() == null) {
      return Step.quiet(s);
    }
    Alert a = s.alert();
    if (command.action() == AlertCommand.Action.ACKNOWLEDGE) {
      if (a.state() == AlertState.ACKNOWLEDGED) {
        return Step.quiet(s);
      }
      Alert acknowledged = new Alert(a.alertId(), a.key(), a.ruleId(), a.rulesVersion(), a.kind(), a.severity(),
          a.subject(), a.systemCode(), a.orgCode(), a.siteCode(), AlertState.ACKNOWLEDGED, a.title(), a.message(),
          a.figures(), a.action(), a.raisedAt(), command.at(), command.by(), command.note(), null, null, null,
          command.at(), a.clearedAt(), a.resolvesAt());
      return Step.publish(new AlertSlot(acknowledged, s.latest(), s.breachingSince(), s.clearSince(), false));
    }
    String why = command.note() == null || command.note().isBlank() ? "Resolved by " + command.by() : command.note();
    Alert resolved = resolved(a, command.at(), command.by(), why);
    return Step.publish(new AlertSlot(resolved, s.latest(), s.breachingSince(), null, s.breachingSince() != null));
  }

  private static Step judge(AlertSlot s, Instant now) {
    Observation o = s.latest();
    if (o.breachingAt(now)) {
      Instant since = s.breachingSince() != null ? s.breachingSince() : o.breachStart();
      AlertSlot breaching = new AlertSlot(s.alert(), o, since, null, s.awaitingClear());
      if (s.hasOpenAlert() && s.alert().clearedAt() != null) {
        return Step.publish(new AlertSlot(s.alert().clearing(null, null, now), o, since, null, s.awaitingClear()));
      }
      if (s.hasOpenAlert() || s.awaitingClear() || Duration.between(since, now).compareTo(o.debounce()) < 0) {
        return Step.quiet(breaching);
      }
      return Step.publish(new AlertSlot(raised(o, now), o, since, null, false));
    }
    if (!s.hasOpenAlert()) {
      return Step.quiet(new AlertSlot(s.alert(), o, null, null, false));
    }
    Instant clearSince = s.clearSince() != null ? s.clearSince() : o.at();
    if (Duration.between(clearSince, now).compareTo(o.holdDown()) < 0) {
      if (s.alert().clearedAt() == null) {
        // Say so once: the figures the alert was raised on are no longer current, and when it will resolve.
        Alert clearing = s.alert().clearing(clearSince, clearSince.plus(o.holdDown()), now);
        return Step.publish(new AlertSlot(clearing, o, null, clearSince, false));
      }
      return Step.quiet(new AlertSlot(s.alert(), o, null, clearSince, false));
    }
    String why = o.holdDown().isZero() ? "The condition cleared"
        : "The condition has been clear for " + AlertMessages.duration(o.holdDown());
    return Step.publish(new AlertSlot(resolved(s.alert(), now, SYSTEM_ACTOR, why), o, null, null, false));
  }

  private static Alert raised(Observation o, Instant now) {
    return new Alert(o.key() + "@" + now.toEpochMilli(), o.key(), o.ruleId(), o.rulesVersion(), o.kind(),
        o.severity(), o.subject(), o.systemCode(), o.orgCode(), o.siteCode(), AlertState.RAISED, o.title(),
        o.message(), o.figures(), o.action(), now, null, null, null, null, null, null, now);
  }

  private static Alert resolved(Alert a, Instant at, String by, String why) {
    return new Alert(a.alertId(), a.key(), a.ruleId(), a.rulesVersion(), a.kind(), a.severity(), a.subject(),
        a.systemCode(), a.orgCode(), a.siteCode(), AlertState.RESOLVED, a.title(), a.message(), a.figures(),
        a.action(), a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.acknowledgementNote(), at, by, why, at);
  }
}
