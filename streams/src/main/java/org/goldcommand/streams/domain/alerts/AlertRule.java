package org.goldcommand.streams.domain.alerts;

import java.time.Duration;
import java.util.Map;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.Severity;

/**
 * One alert rule from the rules file: what condition it watches, how urgent it is, how long the
 * condition must hold before it is raised (debounce) and how long it must hold clear before it is
 * resolved (hold-down), its threshold(s), and the words and action card a person sees. Rules are
 * data so that a system tunes its alerting by loading a new version of the file, never by a release.
 *
 * @param id stable id, the first part of every alert key it makes ({@code <id>/<subject>})
 * @param kind the condition it watches
 * @param severity how urgent its alerts are
 * @param threshold the level at or above which it breaches (OPEL and parameter rules), or the fewest
 *     doses at risk that count (doses at risk)
 * @param safeRange the range a reading must stay within (cold chain)
 * @param staleAfter how long each feed may send nothing before it is stale (stale feed)
 * @param lookAhead how far ahead stock expiring unused counts as at risk (doses at risk)
 * @param debounce how long the condition must hold before the alert is raised; zero raises at once
 * @param debounceByParameter a parameter's own debounce, overriding {@code debounce} (parameter rules)
 * @param holdDown how long the condition must hold clear before the alert resolves by itself
 * @param card the action card's id in the action cards file
 * @param title headline template
 * @param message plain-language template, with {@code {placeholders}} for the figures
 */
public record AlertRule(
    String id,
    AlertKind kind,
    Severity severity,
    Double threshold,
    Range safeRange,
    Map<String, Duration> staleAfter,
    Duration lookAhead,
    Duration debounce,
    Map<String, Duration> debounceByParameter,
    Duration holdDown,
    String card,
    String title,
    String message) {

  public AlertRule {
    staleAfter = staleAfter == null ? Map.of() : Map.copyOf(staleAfter);
    debounceByParameter = debounceByParameter == null ? Map.of() : Map.copyOf(debounceByParameter);
  }

  /** The debounce that applies to one parameter (or subject): its own, else the rule's. */
  public Duration debounceFor(String parameter) {
    return debounceByParameter.getOrDefault(parameter, debounce);
  }

  /**
   * A closed range of safe values.
   *
   * @param low the lowest safe value
   * @param high the highest safe value
   */
  public record Range(double low, double high) {

    /** Whether a value lies outside the range. */
    public boolean outside(double value) {
      return value < low || value > high;
    }
  }
}
