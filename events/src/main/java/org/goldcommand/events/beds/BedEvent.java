package org.goldcommand.events.beds;

import java.time.Instant;

/**
 * A patient movement that changes bed occupancy, taken from an HL7 v2 ADT message. It carries no
 * patient identifier: {@code stayRef} is a keyed hash of the visit number, enough to match an
 * admission to its discharge and nothing more. {@code messageId} (MSH-10) is the idempotency key.
 * Contract: {@code schemas/bed-event.v1.json}.
 *
 * @param messageId the sending system's message control id
 * @param siteCode the site (from the assigned location's facility, or the sender's default site)
 * @param wardCode the ward (point of care) the patient is in after the event
 * @param bed the bed, when sent
 * @param previousWardCode for transfers and cancelled transfers, the ward left
 * @param movement what happened
 * @param patientClass HL7 patient class (I inpatient, E emergency, O outpatient...)
 * @param stayRef pseudonymous reference to the hospital stay
 * @param at when the movement happened (EVN-6, else EVN-2, else MSH-7)
 * @param triggerEvent the ADT trigger, for example A02
 */
public record BedEvent(
    String messageId, String siteCode, String wardCode, String bed, String previousWardCode, Movement movement,
    String patientClass, String stayRef, Instant at, String triggerEvent) {

  /** What a movement does to occupancy. */
  public enum Movement {
    ADMIT, TRANSFER, DISCHARGE, UPDATE, CANCEL_ADMIT, CANCEL_TRANSFER, CANCEL_DISCHARGE
  }
}
