package org.goldcommand.events.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alert, v1, as it stands after its latest step ({@code alerts.v1}, keyed by {@link #key()}).
 * Each step of its life (raised, acknowledged, resolved) republishes the whole alert, so a reader
 * needs only the latest record per key to know where every alert stands, and the topic keeps who
 * did what and when. There is at most one open alert per rule and subject: that pair is the key,
 * while {@link #alertId()} names this one occurrence.
 *
 * @param alertId this occurrence: {@code <key>@<raisedAt epoch millis>}
 * @param key {@code <ruleId>/<subject>}: one open alert per key
 * @param ruleId the rule that raised it, from the alert rules file
 * @param rulesVersion the version of the rules file that raised it
 * @param kind what sort of condition it is
 * @param severity how urgent
 * @param subject what it is about: a trust or system code, {@code <org>/<feed>}, {@code <site>/<device>}
 * @param systemCode the system it belongs to, so subscribers and filters can find it
 * @param orgCode the organisation it concerns, when there is one
 * @param siteCode the site it concerns, when there is one
 * @param state where it is in its life
 * @param title a short headline
 * @param message a plain-language sentence with the figures behind it
 * @param figures the figures behind it, each with its time
 * @param action what to do: the action card for this rule and level
 * @param raisedAt when the condition was confirmed (after any debounce)
 * @param acknowledgedAt when a person acknowledged it
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgementNote what they said
 * @param resolvedAt when it was resolved
 * @param resolvedBy who resolved it ({@code gold-command} when the condition cleared by itself)
 * @param resolution why it was resolved
 * @param updatedAt when this step happened
 * @param clearedAt while open: when its condition turned clear, so a reader knows the figures in the
 *     message are no longer current (null while the condition holds)
 * @param resolvesAt while open and clear: when it resolves by itself if the condition stays clear
 *     (the end of the hold-down)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
    String alertId,
    String key,
    String ruleId,
    String rulesVersion,
    AlertKind kind,
    Severity severity,
    String subject,
    String systemCode,
    String orgCode,
    String siteCode,
    AlertState state,
    String title,
    String message,
    List<Figure> figures,
    ActionCard action,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    String acknowledgementNote,
    Instant resolvedAt,
    String resolvedBy,
    String resolution,
    Instant updatedAt,
    Instant clearedAt,
    Instant resolvesAt) {

  public Alert {
    figures = figures == null ? List.of() : List.copyOf(figures);
  }

  /** An alert whose condition still holds (or that is resolved): nothing is clearing. */
  public Alert(String alertId, String key, String ruleId, String rulesVersion, AlertKind kind, Severity severity,
      String subject, String systemCode, String orgCode, String siteCode, AlertState state, String title,
      String message, List<Figure> figures, ActionCard action, Instant raisedAt, Instant acknowledgedAt,
      String acknowledgedBy, String acknowledgementNote, Instant resolvedAt, String resolvedBy, String resolution,
      Instant updatedAt) {
    this(alertId, key, ruleId, rulesVersion, kind, severity, subject, systemCode, orgCode, siteCode, state, title,
        message, figures, action, raisedAt, acknowledgedAt, acknowledgedBy, acknowledgementNote, resolvedAt,
        resolvedBy, resolution, updatedAt, null, null);
  }

  /** The same alert at {@code at}, its condition clear since {@code clearedAt} (null: holding again). */
  public Alert clearing(Instant clearedAt, Instant resolvesAt, Instant at) {
    return new Alert(alertId, key, ruleId, rulesVersion, kind, severity, subject, systemCode, orgCode, siteCode, state,
        title, message, figures, action, raisedAt, acknowledgedAt, acknowledgedBy, acknowledgementNote, resolvedAt,
        resolvedBy, resolution, at, clearedAt, resolvesAt);
  }

  /** Whether it still needs attention (raised or acknowledged, not resolved). */
  public boolean open() {
    return state != AlertState.RESOLVED;
  }

  /** The kinds of condition the alert rules cover (DESIGN.md section 6). */
  public enum AlertKind { TRUST_LEVEL, SYSTEM_LEVEL, SYSTEM_RISING_FAST, PARAMETER_BREACH, STALE_FEED,
    COLD_CHAIN_EXCURSION, DOSES_AT_RISK }

  /** How urgent an alert is; subscriptions choose the least they want. */
  public enum Severity { INFO, WARNING, CRITICAL }

  /** Raised, then acknowledged by a person, then resolved. */
  public enum AlertState { RAISED, ACKNOWLEDGED, RESOLVED }

  /**
   * One figure behind an alert.
   *
   * @param name stable machine name
   * @param label what a person reads
   * @param value the figure
   * @param unit its unit
   * @param asAt when it was true
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Figure(String name, String label, double value, String unit, Instant asAt) {}

  /**
   * What to do: the action card for the rule and level, kept as data beside the rules.
   *
   * @param title the card's heading
   * @param steps the actions, in order
   */
  public record ActionCard(String title, List<String> steps) {

    public ActionCard {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }
}
