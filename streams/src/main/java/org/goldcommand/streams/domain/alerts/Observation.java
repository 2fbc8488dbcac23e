package org.goldcommand.streams.domain.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.alerts.Alert.ActionCard;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Figure;
import org.goldcommand.events.alerts.Alert.Severity;

/**
 * What one input says about one alert key at one time: whether the rule's condition is breached,
 * and everything the alert would say if it were raised now (rendered from the rule when the
 * observation is made, so the lifecycle needs no rules and stays a pure state machine). A condition
 * that turns bad by itself when nothing more arrives (a feed going stale) says when, in
 * {@code breachesFrom}, so the passing of time alone can raise it.
 *
 * @param key {@code <ruleId>/<subject>}
 * @param ruleId the rule
 * @param rulesVersion the rules version in force
 * @param kind the rule's kind
 * @param severity the rule's severity
 * @param subject what it is about
 * @param systemCode the subject's system, from reference data
 * @param orgCode the subject's organisation, if any
 * @param siteCode the subject's site, if any
 * @param breaching whether the condition is breached at {@code at}
 * @param breachesFrom when the condition breaches by itself if nothing newer arrives, if ever
 * @param at when the figures were true
 * @param debounce how long the breach must hold before raising
 * @param holdDown how long it must hold clear before resolving
 * @param title the alert's headline, rendered
 * @param message the alert's sentence, rendered
 * @param figures the figures behind it
 * @param action the action card
 */
public record Observation(
    String key,
    String ruleId,
    String rulesVersion,
    AlertKind kind,
    Severity severity,
    String subject,
    String systemCode,
    String orgCode,
    String siteCode,
    boolean breaching,
    Instant breachesFrom,
    Instant at,
    Duration debounce,
    Duration holdDown,
    String title,
    String message,
    List<Figure> figures,
    ActionCard action) {

  public Observation {
    figures = figures == null ? List.of() : List.copyOf(figures);
  }

  /** Whether the condition is breached at {@code now}, given nothing newer has arrived. */
  public boolean breachingAt(Instant now) {
    return breaching || (breachesFrom != null && !now.isBefore(breachesFrom));
  }

  /** When the breach it reports began (its own time, or when it turned by itself). */
  public Instant breachStart() {
    return breaching || breachesFrom == null ? at : breachesFrom;
  }
}
