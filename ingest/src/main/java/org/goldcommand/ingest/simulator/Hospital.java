package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import org.goldcommand.events.beds.BedType;
import org.goldcommand.events.reference.Site;

/**
 * One hospital's wards through the day. Patients come up from A&amp;E when their wait for a bed
 * ends; the bed managers admit directly, discharge and move patients so that occupancy follows
 * the day's curve, lowest after the morning and highest in the evening, opening escalation beds
 * when the core beds run out. Every movement is an HL7 ADT message from the trust's patient
 * administration system; every 30 minutes each ward reports its bed state.
 */
final class Hospital {

  private static final int WARD_SIZE = 28;
  private static final Instant NEVER = Instant.MAX;

  private final Site site;
  private final String orgCode;
  private final String runId;
  private final boolean hl7;
  private final Random random;
  private final Instant dayStart;
  private final double base;
  private final List<Ward> wards = new ArrayList<>();
  private final Ward criticalCare;
  private final PriorityQueue<Instant> fromEmergencyDepartment = new PriorityQueue<>();
  private final Deque<Instant> discharges = new ArrayDeque<>();
  private Instant infectionControlFrom = NEVER;
  private int stays;
  private int messages;

  Hospital(Site site, String orgCode, String runId, boolean hl7, long seed, Instant dayStart, Instant start) {
    this.site = site;
    this.orgCode = orgCode;
    this.runId = runId;
    this.hl7 = hl7;
    this.dayStart = dayStart;
    this.random = new Random(seed * 7_919L + site.code().hashCode());
    this.base = 0.905 + 0.03 * random.nextDouble();
    int count = Math.max(1, (int) Math.round(site.gaCoreBeds() / (double) WARD_SIZE));
    for (int w = 0; w < count; w++) {
      int core = site.gaCoreBeds() / count + (w < site.gaCoreBeds() % count ? 1 : 0);
      wards.add(new Ward(site.code(), String.format("W%02d", w + 1), BedType.GA, core));
    }
    criticalCare = site.criticalCareBeds() > 0
        ? new Ward(site.code(), "CCU", BedType.CRITICAL_CARE, site.criticalCareBeds()) : null;
    double hour = Timeline.hoursSince(dayStart, start);
    fill(wards, target(hour));
    if (criticalCare != null) {
      fill(List.of(criticalCare), criticalCareTarget(hour));
    }
  }

  String orgCode() {
    return orgCode;
  }

  /**
   * Closes ward W03 to admissions for norovirus from {@code at}: its empty beds close at once, and
   * over the next six hours the patients fit to go home are discharged and their beds closed too.
   */
  void norovirusFrom(Instant at) {
    infectionControlFrom = at;
  }

  /** A patient with a decision to admit leaves A&amp;E for a bed at {@code at}. */
  void admitFromEmergencyDepartment(Instant at) {
    fromEmergencyDepartment.add(at);
  }

  /** Moves the hospital on by the minute starting at {@code t}. */
  void step(Instant t, Sink sink) {
    long minute = Duration.between(dayStart, t).toMinutes();
    if (Math.floorMod(minute, 30) == 0) {
      wardsAndUnit().forEach(w -> sink.emit(new Outbound.FeedRecord(Feed.BED_STATE, orgCode, t, w.state(t))));
    }
    if (!infectionControlFrom.isAfter(t) && wards.size() >= 3 && !wards.get(2).closedToAdmissions()) {
      wards.get(2).closeForInfectionControl();
    }
    Instant end = t.plusSeconds(60);
    while (!fromEmergencyDepartment.isEmpty() && fromEmergencyDepartment.peek().isBefore(end)) {
      admit(wards, fromEmergencyDepartment.poll(), "E", sink);
    }
    if (Math.floorMod(minute, 10) == 0) {
      manage(t, minute / 60.0, sink);
    }
    while (!discharges.isEmpty() && discharges.peekFirst().isBefore(t.minus(Duration.ofHours(26)))) {
      discharges.removeFirst();
    }
  }

  private void manage(Instant t, double hour, Sink sink) {
    int open = wards.stream().mapToInt(w -> w.core() - w.closedBeds()).sum();
    int diff = (int) Math.round(target(hour) * open) - occupied();
    double h = Curves.hourOfDay(hour);
    int cap = Math.max(1, open / 100) * (h >= 9 && h < 21 ? 3 : 1);
    for (int i = 0; i < Math.min(Math.abs(diff), cap); i++) {
      Instant at = t.plusSeconds(random.nextInt(60));
      if (diff < 0) {
        discharge(wards, at, sink);
      } else {
        admit(wards, at, "U", sink);
      }
    }
    for (int i = Curves.poisson(open / 1_500.0, random); i > 0; i--) {
      transfer(t.plusSeconds(random.nextInt(60)), sink);
    }
    boolean easing = occupied() < 0.96 * open;
    for (Ward ward : wards) {
      if (ward.closedToAdmissions() && Duration.between(infectionControlFrom, t).toHours() < 6 && random.nextBoolean()) {
        discharge(List.of(ward), t.plusSeconds(random.nextInt(60)), sink);
      }
      if (easing || ward.closedToAdmissions()) {
        ward.closeEmptyEscalationBed();
      }
    }
    if (criticalCare != null) {
      int unitDiff = (int) Math.round(criticalCareTarget(hour) * criticalCare.core()) - criticalCare.occupied();
      if (unitDiff > 0) {
        admit(List.of(criticalCare), t.plusSeconds(random.nextInt(60)), "E", sink);
      } else if (unitDiff < 0) {
        discharge(List.of(criticalCare), t.plusSeconds(random.nextInt(60)), sink);
      }
    }
  }

  private double target(double hour) {
    return base + 0.085 * Curves.occupancy(hour);
  }

  private static double criticalCareTarget(double hour) {
    return 0.8 + 0.12 * Curves.occupancy(hour);
  }

  private void admit(List<Ward> among, Instant at, String admissionType, Sink sink) {
    List<Ward> open = among.stream().filter(w -> !w.closedToAdmissions()).toList();
    List<Ward> withRoom = open.stream().filter(w -> w.freeBed(random) >= 0).toList();
    if (withRoom.isEmpty()) {
      withRoom = open.stream().filter(Ward::openEscalationBed).limit(1).toList();
    }
    if (withRoom.isEmpty()) {
      return;
    }
    Ward ward = withRoom.get(random.nextInt(withRoom.size()));
    int bed = ward.freeBed(random);
    String visit = site.code() + "V" + runId + Integer.toString(++stays, 36).toUpperCase(Locale.ROOT);
    ward.occupy(bed, visit);
    send(Hl7Adt.Trigger.A01, at, ward.location(bed), null, visit, admissionType, sink);
  }

  private void discharge(List<Ward> among, Instant at, Sink sink) {
    List<Ward> occupied = among.stream().filter(w -> w.occupied() > 0).toList();
    if (occupied.isEmpty()) {
      return;
    }
    Ward ward = occupied.get(random.nextInt(occupied.size()));
    int bed = ward.occupiedBed(random);
    String visit = ward.stay(bed);
    Hl7Adt.Location location = ward.location(bed);
    ward.vacate(bed);
    discharges.addLast(at);
    send(Hl7Adt.Trigger.A03, at, location, null, visit, "", sink);
  }

  private void transfer(Instant at, Sink sink) {
    List<Ward> open = wards.stream().filter(w -> !w.closedToAdmissions()).toList();
    if (open.size() < 2) {
      return;
    }
    Ward from = open.get(random.nextInt(open.size()));
    Ward to = open.get(random.nextInt(open.size()));
    int bed = from.occupiedBed(random);
    int free = to.freeBed(random);
    if (from == to || bed < 0 || free < 0) {
      return;
    }
    String visit = from.stay(bed);
    Hl7Adt.Location prior = from.location(bed);
    from.vacate(bed);
    to.occupy(free, visit);
    send(Hl7Adt.Trigger.A02, at, to.location(free), prior, visit, "", sink);
  }

  private void send(Hl7Adt.Trigger trigger, Instant at, Hl7Adt.Location location, Hl7Adt.Location prior, String visit,
      String admissionType, Sink sink) {
    if (hl7) {
      String controlId = site.code() + runId + Integer.toString(++messages, 36).toUpperCase(Locale.ROOT);
      sink.emit(new Outbound.Hl7Message(orgCode, at, controlId,
          Hl7Adt.message(trigger, orgCode, controlId, at, location, prior, visit, admissionType)));
    }
  }

  private void fill(List<Ward> among, double occupancy) {
    for (Ward ward : among) {
      for (int i = 0; i < Math.round(ward.core() * Math.min(1.0, occupancy)); i++) {
        ward.occupy(i, site.code() + "V" + runId + "P" + Integer.toString(++stays, 36).toUpperCase(Locale.ROOT));
      }
    }
  }

  private int occupied() {
    return wards.stream().mapToInt(Ward::occupied).sum();
  }

  private List<Ward> wardsAndUnit() {
    List<Ward> all = new ArrayList<>(wards);
    if (criticalCare != null) {
      all.add(criticalCare);
    }
    return all;
  }

  /** The hospital's beds now, as its sitrep counts them. */
  Sitreps.Beds beds() {
    return new Sitreps.Beds(wards.stream().mapToInt(w -> w.core() - w.closedBeds()).sum(),
        wards.stream().mapToInt(Ward::escalationOpen).sum(), occupied(),
        criticalCare == null ? 0 : criticalCare.open(), criticalCare == null ? 0 : criticalCare.occupied(),
        wards.stream().mapToInt(Ward::closedBeds).sum());
  }

  /** Discharges in {@code [from, to)}: before 17:00 and after, of the day they happened. */
  int[] discharges(Instant from, Instant to) {
    int[] byAndAfter17 = new int[2];
    for (Instant at : discharges) {
      if (!at.isBefore(from) && at.isBefore(to)) {
        byAndAfter17[Curves.hourOfDay(Timeline.hoursSince(dayStart, at)) < 17 ? 0 : 1]++;
      }
    }
    return byAndAfter17;
  }
}
