package org.goldcommand.events.ambulance;

import java.time.Instant;

/**
 * One step of an ambulance's arrival at a hospital: arrived, patient handed over, crew cleared.
 * The handover time is HANDED_OVER minus ARRIVED. Keyed by incident so every step of one
 * conveyance stays in order. Contract: {@code schemas/ambulance-handover.v1.json}.
 *
 * @param incidentId the ambulance service's pseudonymous incident reference
 * @param siteCode the receiving hospital site
 * @param event which step
 * @param at when it happened
 */
public record HandoverEvent(String incidentId, String siteCode, HandoverStep event, Instant at) {

  /** The steps of a handover. */
  public enum HandoverStep { ARRIVED, HANDED_OVER, CLEARED }
}
