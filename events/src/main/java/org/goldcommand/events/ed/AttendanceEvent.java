package org.goldcommand.events.ed;

import java.time.Instant;

/**
 * One step of one A&amp;E attendance. {@code attendanceId} is pseudonymous (the trust's own
 * reference, never an NHS number); together with {@code event} it is the idempotency key, so a step
 * re-sent is counted once. Contract: {@code schemas/ed-attendance.v1.json}.
 *
 * @param attendanceId pseudonymous attendance reference
 * @param siteCode the ED's site
 * @param event which step
 * @param at when it happened
 * @param arrivalMode how the patient arrived, when known
 * @param acuity triage category 1 (most urgent) to 5, when known
 */
public record AttendanceEvent(
    String attendanceId, String siteCode, AttendanceStep event, Instant at, ArrivalMode arrivalMode, Integer acuity) {

  /** The steps of an attendance, in the order they normally happen. */
  public enum AttendanceStep { ARRIVAL, INITIAL_ASSESSMENT, SEEN, DECISION_TO_ADMIT, DEPARTURE }

  /** How a patient arrived. */
  public enum ArrivalMode { AMBULANCE, WALK_IN, OTHER }
}
