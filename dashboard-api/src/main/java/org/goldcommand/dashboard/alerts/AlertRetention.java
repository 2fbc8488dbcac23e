package org.goldcommand.dashboard.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a resolved alert stays in the live picture. Open alerts always stay. A resolved one
 * stays for a while (24 hours by default) so the next shift's handover still sees what happened
 * and cleared overnight, then leaves: otherwise every alert ever resolved would be held in memory
 * and sent in every snapshot for as long as the process ran. Its full life remains on
 * {@code alerts.v1}, in the audit log and in history.
 *
 * @param keepResolved how long after resolution an alert is kept
 */
public record AlertRetention(Duration keepResolved) {

  /** Whether an alert in this state is still shown at {@code now}. */
  public boolean keep(boolean resolved, Instant resolvedAt, Instant now) {
    if (!resolved) {
      return true;
    }
    return resolvedAt != null && resolvedAt.plus(keepResolved).isAfter(now);
  }
}
