package org.goldcommand.events.alerts;

import java.time.Instant;

/**
 * A person's step on an alert ({@code alerts.commands.v1}, keyed by the alert's key): the alerts
 * topology is the one writer of alert state, so acknowledgements reach it as commands and come
 * back on {@code alerts.v1} as the alert's next step. The same step is written to {@code audit.v1}.
 *
 * @param commandId idempotency key of this command
 * @param alertId the occurrence it is about; a command for an earlier occurrence is ignored
 * @param key the alert's key, {@code <ruleId>/<subject>}
 * @param action what the person did
 * @param by who (the signed-in person's name)
 * @param note what they said, if anything
 * @param at when
 */
public record AlertCommand(String commandId, String alertId, String key, Action action, String by, String note,
    Instant at) {

  /** What a person can do to an alert. */
  public enum Action { ACKNOWLEDGE, RESOLVE }
}
