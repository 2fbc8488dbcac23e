package org.goldcommand.streams.domain.alerts;

import java.time.Instant;
import org.goldcommand.events.alerts.Alert;

/**
 * Everything the lifecycle remembers for one alert key between inputs.
 *
 * @param alert the latest step of the latest alert for the key, or null if none was ever raised
 * @param latest the newest observation, re-judged as time passes
 * @param breachingSince when the current unbroken breach began, null while clear
 * @param clearSince when the condition last turned clear under an open alert, for the hold-down
 * @param awaitingClear a person resolved the alert while the condition still held: no new alert until
 *     the condition has cleared and breached again
 */
public record AlertSlot(Alert alert, Observation latest, Instant breachingSince, Instant clearSince,
    boolean awaitingClear) {

  /** A key with no history. */
  public static final AlertSlot EMPTY = new AlertSlot(null, null, null, null, false);

  /** Whether the key has an alert that still needs attention. */
  public boolean hasOpenAlert() {
    return alert != null && alert.open();
  }
}
