package org.goldcommand.streams.topology;

import org.goldcommand.events.alerts.AlertCommand;
import org.goldcommand.streams.domain.alerts.Observation;

/**
 * One input to an alert key's lifecycle, carried through the repartition topic that gives each key
 * one owner: either an observation of a condition or a person's command, never both.
 *
 * @param observation a condition observed, or null
 * @param command a person's step, or null
 */
record AlertInput(Observation observation, AlertCommand command) {

  static AlertInput of(Observation observation) {
    return new AlertInput(observation, null);
  }

  static AlertInput of(AlertCommand command) {
    return new AlertInput(null, command);
  }

  /** The alert key it is about. */
  String alertKey() {
    return observation != null ? observation.key() : command.key();
  }
}
