package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.ambulance.HandoverEvent;
import org.goldcommand.events.ambulance.HandoverEvent.HandoverStep;
import org.goldcommand.events.ed.AttendanceEvent;
import org.goldcommand.events.ed.AttendanceEvent.ArrivalMode;
import org.goldcommand.events.ed.AttendanceEvent.AttendanceStep;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.reference.Site;

/**
 * One emergency department through the day: patients arrive on the diurnal curve, a third of
 * them by ambulance; waits for handover, assessment, a clinician and a bed lengthen as the
 * department fills, more so where the site is under {@code pressure} (0-1). Every 15 minutes it
 * sends the snapshot its ED system would, counted from the very attendances it has sent, so the
 * two feeds agree.
 */
final class EmergencyDepartment {

  private static final Duration FOUR_HOURS = Duration.ofHours(4);

  private final Site site;
  private final String orgCode;
  private final double pressure;
  private final double perDay;
  private final boolean fhir;
  private final String runId;
  private final Random random;
  private final Instant dayStart;
  private final List<Attendance> active = new ArrayList<>();
  private final Deque<Attendance> conveyances = new ArrayDeque<>();
  private int sequence;
  private int arrivalsToday;
  private int breachesToday;

  EmergencyDepartment(Site site, String orgCode, double pressure, boolean fhir, String runId, long seed,
      Instant dayStart) {
    this.site = site;
    this.orgCode = orgCode;
    this.pressure = pressure;
    this.fhir = fhir;
    this.runId = runId;
    this.dayStart = dayStart;
    this.random = new Random(seed * 1_000_003L + site.code().hashCode());
    this.perDay = (110 + 0.3 * site.gaCoreBeds()) * (1.05 + 0.1 * random.nextDouble());
  }

  Site site() {
    return site;
  }

  double pressure() {
    return pressure;
  }

  /** Moves the department on by the minute starting at {@code t}; admissions go to {@code hospital}. */
  void step(Instant t, Sink sink, Hospital hospital) {
    for (Iterator<Attendance> it = active.iterator(); it.hasNext(); ) {
      Attendance a = it.next();
      if (!a.departure().isAfter(t)) {
        it.remove();
        if (Duration.between(a.arrival(), a.departure()).compareTo(FOUR_HOURS) > 0) {
          breachesToday++;
        }
      }
    }
    long minute = Duration.between(dayStart, t).toMinutes();
    if (Math.floorMod(minute, 1_440) == 0) {
      arrivalsToday = 0;
      breachesToday = 0;
    }
    if (Math.floorMod(minute, 15) == 0) {
      sink.emit(new Outbound.FeedRecord(Feed.ED_SNAPSHOT, orgCode, t, snapshot(t)));
    }
    double hour = minute / 60.0;
    int arrivals = Curves.poisson(Curves.arrivalsPerMinute(perDay, hour), random);
    for (int i = 0; i < arrivals; i++) {
      Attendance a = arrive(t.plusSeconds(random.nextInt(60)), hour);
      active.add(a);
      arrivalsToday++;
      send(a, sink);
      if (a.incidentId() != null) {
        conveyances.addLast(a);
      }
      if (a.decisionToAdmit() != null && hospital != null) {
        hospital.admitFromEmergencyDepartment(a.departure());
      }
    }
    while (!conveyances.isEmpty() && conveyances.peekFirst().arrival().isBefore(t.minus(Duration.ofHours(26)))) {
      conveyances.removeFirst();
    }
  }

  private Attendance arrive(Instant arrival, double hour) {
    boolean ambulance = random.nextDouble() < 0.3;
    int acuity = ambulance ? pick(new double[] {0.05, 0.35, 0.5, 0.1, 0}) : pick(new double[] {0, 0.1, 0.45, 0.35, 0.1});
    double crowding = Curves.crowding(hour);
    Instant handedOver = null;
    Instant cleared = null;
    Instant ready = arrival;
    if (ambulance) {
      double delay = 12 + 8 * random.nextDouble()
          + pressure * 78 * Curves.handoverBacklog(hour) * (0.7 + 0.6 * random.nextDouble());
      handedOver = minutes(arrival, delay);
      cleared = minutes(handedOver, 8 + 17 * random.nextDouble());
      ready = handedOver;
    }
    Instant assessed = minutes(ready, 3 + 12 * random.nextDouble() + 20 * crowding * pressure * random.nextDouble());
    double urgency = acuity <= 2 ? 0.4 : 1.0;
    Instant seen = minutes(assessed, urgency * (15 + 40 * random.nextDouble()
        + crowding * (50 + 160 * pressure) * random.nextDouble()));
    boolean admitted = random.nextDouble() < (ambulance ? 0.45 : 0.18) + (acuity <= 2 ? 0.25 : 0);
    Instant decision = admitted ? minutes(seen, 30 + 90 * random.nextDouble()) : null;
    Instant departure;
    if (admitted) {
      double r = random.nextDouble();
      double decisionHour = hour + Duration.between(arrival, decision).toMinutes() / 60.0;
      departure = minutes(decision, 20 + 60 * random.nextDouble()
          + Curves.crowding(decisionHour) * (90 + 540 * pressure) * r * r);
    } else {
      departure = minutes(seen, 20 + 100 * random.nextDouble());
    }
    sequence++;
    String id = site.code() + "-" + runId + "-" + sequence;
    return new Attendance(id, ambulance ? "INC-" + id : null, ambulance ? ArrivalMode.AMBULANCE : ArrivalMode.WALK_IN,
        acuity, arrival, handedOver, cleared, assessed, seen, decision, departure);
  }

  private void send(Attendance a, Sink sink) {
    step(a, AttendanceStep.ARRIVAL, a.arrival(), sink);
    step(a, AttendanceStep.INITIAL_ASSESSMENT, a.assessed(), sink);
    step(a, AttendanceStep.SEEN, a.seen(), sink);
    if (a.decisionToAdmit() != null) {
      step(a, AttendanceStep.DECISION_TO_ADMIT, a.decisionToAdmit(), sink);
    }
    step(a, AttendanceStep.DEPARTURE, a.departure(), sink);
    if (a.incidentId() != null) {
      handover(a, HandoverStep.ARRIVED, a.arrival(), sink);
      handover(a, HandoverStep.HANDED_OVER, a.handedOver(), sink);
      handover(a, HandoverStep.CLEARED, a.cleared(), sink);
    }
  }

  private void step(Attendance a, AttendanceStep step, Instant at, Sink sink) {
    if (fhir) {
      sink.emit(new Outbound.FhirEncounter(orgCode, at, a.id(), FhirEncounters.encounter(a, site.code(), step)));
    } else {
      sink.emit(new Outbound.FeedRecord(Feed.ED_ATTENDANCE, orgCode, at,
          new AttendanceEvent(a.id(), site.code(), step, at, a.mode(), step == AttendanceStep.ARRIVAL ? null : a.acuity())));
    }
  }

  private void handover(Attendance a, HandoverStep step, Instant at, Sink sink) {
    sink.emit(new Outbound.FeedRecord(Feed.AMBULANCE_HANDOVER, orgCode, at,
        new HandoverEvent(a.incidentId(), site.code(), step, at)));
  }

  /** What the department's system reports at {@code t}, from the attendances under way. */
  EdSnapshot snapshot(Instant t) {
    int inDepartment = 0;
    int over4h = 0;
    int over12h = 0;
    int waitingForBed = 0;
    int waitingOver8h = 0;
    int majors = 0;
    int queued = 0;
    for (Attendance a : active) {
      if (!a.inDepartment(t)) {
        continue;
      }
      inDepartment++;
      over4h += a.waited(t).toHours() >= 4 ? 1 : 0;
      over12h += a.waited(t).toHours() >= 12 ? 1 : 0;
      majors += a.acuity() <= 3 ? 1 : 0;
      queued += a.waitingForHandover(t) ? 1 : 0;
      if (a.waitingForBed(t)) {
        waitingForBed++;
        waitingOver8h += Duration.between(a.decisionToAdmit(), t).toHours() >= 8 ? 1 : 0;
      }
    }
    int capacity = (int) Math.max(20, Math.round(perDay / 5));
    return new EdSnapshot(site.code(), t, inDepartment, capacity, over4h, over12h, waitingForBed, waitingOver8h,
        majors, (int) Math.round(capacity * 0.6), queued, arrivalsToday, Math.min(breachesToday, arrivalsToday));
  }

  /** The ambulance figures a sitrep reports: conveyances that arrived in {@code [from, to)} and were handed over by {@code to}. */
  Sitreps.AmbulanceDay ambulanceDay(Instant from, Instant to) {
    int arrivals = 0;
    int over30 = 0;
    int over60 = 0;
    double minutesLost = 0;
    for (Attendance a : conveyances) {
      if (a.arrival().isBefore(from) || !a.arrival().isBefore(to) || a.handedOver().isAfter(to)) {
        continue;
      }
      arrivals++;
      long minutes = a.handoverMinutes();
      over30 += minutes > 30 ? 1 : 0;
      over60 += minutes > 60 ? 1 : 0;
      minutesLost += Math.max(0, minutes - 15);
    }
    return new Sitreps.AmbulanceDay(arrivals, over30, over60, minutesLost / 60.0);
  }

  private int pick(double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i + 1;
      }
    }
    return weights.length;
  }

  private static Instant minutes(Instant from, double minutes) {
    return from.plusSeconds(Math.max(60, Math.round(minutes * 60)));
  }
}
