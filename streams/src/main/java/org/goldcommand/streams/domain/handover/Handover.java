package org.goldcommand.streams.domain.handover;

import java.time.Duration;
import java.time.Instant;

/**
 * One completed ambulance handover: when the ambulance arrived and when its patient was handed
 * over to the emergency department.
 *
 * @param incidentId the ambulance service's incident reference
 * @param siteCode the receiving site
 * @param arrivedAt ARRIVED
 * @param handedOverAt HANDED_OVER
 */
public record Handover(String incidentId, String siteCode, Instant arrivedAt, Instant handedOverAt) {

  /** Minutes from arrival to handover (never negative, whatever order the clocks disagree in). */
  public double minutes() {
    return Math.max(0, Duration.between(arrivedAt, handedOverAt).toSeconds() / 60.0);
  }
}
