package org.goldcommand.ingest.feeds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.ed.EdSnapshot;
import org.goldcommand.events.validation.Violation;
import org.goldcommand.events.vaccine.VaccineStock;

/**
 * The checks beyond the schemas: figures within one record that cannot all be true. Each names
 * the field to fix and the figure it contradicts.
 */
public final class FeedRules {

  private FeedRules() {}

  /** Patients over 12 hours are a subset of those over 4, who are a subset of those in the department. */
  public static List<Violation> edSnapshot(EdSnapshot s) {
    List<Violation> v = new ArrayList<>();
    atMost(v, "over4h", s.over4h(), s.patientsInDepartment(), "patients in the department");
    atMost(v, "over12h", s.over12h(), s.over4h(), "patients over 4 hours");
    atMost(v, "decisionToAdmitWaiting", s.decisionToAdmitWaiting(), s.patientsInDepartment(),
        "patients in the department");
    atMost(v, "dtaOver8h", s.dtaOver8h(), s.decisionToAdmitWaiting(), "patients waiting after a decision to admit");
    atMost(v, "breachesSinceMidnight", s.breachesSinceMidnight(), s.attendancesSinceMidnight(),
        "attendances since midnight");
    if (s.majorsResusOccupied() != null && s.majorsResusCapacity() == null) {
      v.add(new Violation("majorsResusCapacity", "is required when majorsResusOccupied is given"));
    }
    return v;
  }

  /** Occupied and escalation beds cannot exceed the beds open. */
  public static List<Violation> bedState(BedState s) {
    List<Violation> v = new ArrayList<>();
    atMost(v, "occupied", s.occupied(), s.open(), "beds open");
    atMost(v, "escalationOpen", s.escalationOpen(), s.open(), "beds open, which include escalation beds");
    return v;
  }

  /** Punctured and quarantined vials are among those held; one line per batch; no late effective expiry. */
  public static List<Violation> vaccineStock(VaccineStock s) {
    List<Violation> v = new ArrayList<>();
    Set<String> batches = new HashSet<>();
    for (int i = 0; i < s.lines().size(); i++) {
      VaccineStock.Line line = s.lines().get(i);
      String at = "lines." + i + ".";
      atMost(v, at + "punctured", line.punctured(), line.vials(), "vials held");
      atMost(v, at + "quarantined", line.quarantined(), line.vials(), "vials held");
      if (line.effectiveExpiry() != null && line.effectiveExpiry().isAfter(line.expiry())) {
        v.add(new Violation(at + "effectiveExpiry", "is after the printed expiry " + line.expiry()));
      }
      if (!batches.add(line.product() + "/" + line.batch())) {
        v.add(new Violation(at + "batch", "appears twice for " + line.product() + "; send one line per batch"));
      }
    }
    return v;
  }

  private static void atMost(List<Violation> violations, String path, int value, int limit, String what) {
    if (value > limit) {
      violations.add(new Violation(path, "is " + value + ", more than the " + limit + " " + what));
    }
  }
}
