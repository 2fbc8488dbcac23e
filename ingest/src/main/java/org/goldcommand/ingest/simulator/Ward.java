package org.goldcommand.ingest.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.goldcommand.events.beds.BedState;
import org.goldcommand.events.beds.BedType;

/**
 * One ward's beds, bed by bed, so that every admission, transfer and discharge names a real bed
 * and the ward's bed state always agrees with the movements sent. Escalation beds are opened
 * beyond the core beds when the hospital is full. A ward closed for infection control takes no
 * one in, and each bed it empties stays closed.
 */
final class Ward {

  static final int MAX_ESCALATION = 4;
  private static final int BAY = 6;

  private final String site;
  private final String code;
  private final BedType type;
  private final int core;
  private final String[] beds;
  private final boolean[] closed;
  private int escalationOpen;
  private boolean closedToAdmissions;

  Ward(String site, String code, BedType type, int core) {
    this.site = site;
    this.code = code;
    this.type = type;
    this.core = core;
    this.beds = new String[core + MAX_ESCALATION];
    this.closed = new boolean[core + MAX_ESCALATION];
  }

  String code() {
    return code;
  }

  int core() {
    return core;
  }

  int escalationOpen() {
    return escalationOpen;
  }

  boolean closedToAdmissions() {
    return closedToAdmissions;
  }

  int occupied() {
    int n = 0;
    for (String bed : beds) {
      n += bed != null ? 1 : 0;
    }
    return n;
  }

  int closedBeds() {
    int n = 0;
    for (boolean c : closed) {
      n += c ? 1 : 0;
    }
    return n;
  }

  /** Beds open: core beds not closed, plus escalation beds opened. */
  int open() {
    return core - closedBeds() + escalationOpen;
  }

  /** A free open bed, or -1. */
  int freeBed(Random random) {
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < core + escalationOpen; i++) {
      if (beds[i] == null && !closed[i]) {
        free.add(i);
      }
    }
    return free.isEmpty() ? -1 : free.get(random.nextInt(free.size()));
  }

  /** An occupied bed chosen at random, or -1. */
  int occupiedBed(Random random) {
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < beds.length; i++) {
      if (beds[i] != null) {
        taken.add(i);
      }
    }
    return taken.isEmpty() ? -1 : taken.get(random.nextInt(taken.size()));
  }

  /** Opens one more escalation bed, if the ward can take one. */
  boolean openEscalationBed() {
    if (closedToAdmissions || escalationOpen >= MAX_ESCALATION) {
      return false;
    }
    escalationOpen++;
    return true;
  }

  /** Closes the last escalation bed if it is empty. */
  void closeEmptyEscalationBed() {
    if (escalationOpen > 0 && beds[core + escalationOpen - 1] == null) {
      escalationOpen--;
    }
  }

  /** Closes the ward to admissions: every empty bed closes now, each bed emptied later closes too. */
  void closeForInfectionControl() {
    closedToAdmissions = true;
    for (int i = 0; i < core; i++) {
      closed[i] = beds[i] == null;
    }
  }

  String stay(int bed) {
    return beds[bed];
  }

  void occupy(int bed, String stay) {
    beds[bed] = stay;
  }

  void vacate(int bed) {
    beds[bed] = null;
    if (closedToAdmissions && bed < core) {
      closed[bed] = true;
    }
  }

  Hl7Adt.Location location(int bed) {
    String room = bed >= core ? "ESC" : type == BedType.CRITICAL_CARE ? "ITU" : "B" + (bed / BAY + 1);
    return new Hl7Adt.Location(code, room, Integer.toString(bed + 1), site);
  }

  BedState state(Instant at) {
    return new BedState(site, code, type, at, open(), occupied(), escalationOpen, closedBeds());
  }
}
