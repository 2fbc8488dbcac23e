package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.reference.Organisation;
import org.goldcommand.events.sitrep.Sitrep;

/**
 * The daily sitrep a trust returns at 08:00, filled in from the simulated hospitals rather than
 * made up: beds as the wards stand at 08:00 (core beds open, escalation beds, occupied, closed for
 * infection control), and the previous 24 hours' ambulance handovers and discharges as they
 * happened. Figures the simulation does not model (long stays, respiratory infections, staff
 * absence, mortuary) are plausible proportions of the bed base.
 */
final class Sitreps {

  /** A hospital's beds at a moment. */
  record Beds(int coreOpen, int escalationOpen, int occupied, int criticalCareOpen, int criticalCareOccupied,
      int closedInfectionControl) {

    Beds plus(Beds other) {
      return new Beds(coreOpen + other.coreOpen, escalationOpen + other.escalationOpen, occupied + other.occupied,
          criticalCareOpen + other.criticalCareOpen, criticalCareOccupied + other.criticalCareOccupied,
          closedInfectionControl + other.closedInfectionControl);
    }
  }

  /** A day of ambulance conveyances to one department. */
  record AmbulanceDay(int arrivals, int over30, int over60, double hoursLost) {

    AmbulanceDay plus(AmbulanceDay other) {
      return new AmbulanceDay(arrivals + other.arrivals, over30 + other.over30, over60 + other.over60,
          hoursLost + other.hoursLost);
    }
  }

  private Sitreps() {}

  /**
   * The trust's return at {@code asAt}. Activity counts cover the 24 hours before it; when the
   * simulation has run for less ({@code observedFrom} is later), they are scaled up to a day.
   */
  static Sitrep sitrep(Organisation trust, Instant asAt, Instant observedFrom, List<Hospital> hospitals,
      List<EmergencyDepartment> departments, String submissionId, Random random, String comment) {
    Instant from = observedFrom.isAfter(asAt.minus(Duration.ofDays(1))) ? observedFrom : asAt.minus(Duration.ofDays(1));
    double scale = (double) Duration.ofDays(1).toMinutes() / Math.max(60, Duration.between(from, asAt).toMinutes());
    Beds beds = hospitals.stream().map(Hospital::beds).reduce(new Beds(0, 0, 0, 0, 0, 0), Beds::plus);
    AmbulanceDay ambulance = departments.stream().map(d -> d.ambulanceDay(from, asAt))
        .reduce(new AmbulanceDay(0, 0, 0, 0), AmbulanceDay::plus);
    int by17 = 0;
    int after17 = 0;
    for (Hospital hospital : hospitals) {
      int[] discharged = hospital.discharges(from, asAt);
      by17 += discharged[0];
      after17 += discharged[1];
    }
    int occupied = beds.occupied();
    int core = trust.gaCoreBeds();
    return new Sitrep(submissionId, trust.code(), null, asAt,
        new Sitrep.Beds(beds.coreOpen(), beds.escalationOpen(), occupied, beds.criticalCareOpen(),
            beds.criticalCareOccupied(), beds.closedInfectionControl()),
        new Sitrep.Discharge((int) Math.round(occupied * (0.12 + 0.06 * random.nextDouble())),
            scaled(by17, scale), scaled(after17, scale)),
        new Sitrep.LongStay((int) (occupied * 0.36), (int) (occupied * 0.2), (int) (occupied * 0.11)),
        new Sitrep.Respiratory(core / 30 + random.nextInt(10), core / 40 + random.nextInt(12), random.nextInt(6)),
        Math.round((4.5 + 3.5 * random.nextDouble()) * 10) / 10.0,
        new Sitrep.Ambulance(scaled(ambulance.arrivals(), scale), scaled(ambulance.over30(), scale),
            scaled(ambulance.over60(), scale), Math.round(ambulance.hoursLost() * scale * 10) / 10.0),
        0, new Sitrep.Mortuary(Math.max(20, core / 10), (int) (Math.max(20, core / 10) * (0.6 + 0.25 * random.nextDouble()))),
        comment);
  }

  private static int scaled(int count, double scale) {
    return (int) Math.round(count * scale);
  }
}
