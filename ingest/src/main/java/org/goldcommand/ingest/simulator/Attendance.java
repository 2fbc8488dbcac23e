package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import org.goldcommand.events.ed.AttendanceEvent.ArrivalMode;

/**
 * One patient's A&amp;E attendance, every step timed when they arrive (the scenario knows the
 * future): ambulance arrivals wait to be handed over before they are assessed, and a decision to
 * admit is followed by a wait for a bed. Identified only by a pseudonymous reference.
 *
 * @param id pseudonymous attendance reference
 * @param incidentId the ambulance incident, for ambulance arrivals
 * @param mode how the patient came
 * @param acuity triage category 1-5
 * @param arrival arrival at the department (for ambulances, arrival outside it)
 * @param handedOver when the ambulance crew handed over, for ambulance arrivals
 * @param cleared when the crew left, for ambulance arrivals
 * @param assessed initial assessment
 * @param seen seen by a clinician
 * @param decisionToAdmit decision to admit, when admitted
 * @param departure left the department (to a ward, when admitted)
 */
record Attendance(String id, String incidentId, ArrivalMode mode, int acuity, Instant arrival, Instant handedOver,
    Instant cleared, Instant assessed, Instant seen, Instant decisionToAdmit, Instant departure) {

  boolean inDepartment(Instant t) {
    return !arrival.isAfter(t) && departure.isAfter(t);
  }

  boolean waitingForHandover(Instant t) {
    return handedOver != null && !arrival.isAfter(t) && handedOver.isAfter(t);
  }

  boolean waitingForBed(Instant t) {
    return decisionToAdmit != null && !decisionToAdmit.isAfter(t) && departure.isAfter(t);
  }

  Duration waited(Instant t) {
    return Duration.between(arrival, t);
  }

  /** Minutes from arrival to handover, for ambulance arrivals. */
  long handoverMinutes() {
    return Duration.between(arrival, handedOver).toMinutes();
  }
}
