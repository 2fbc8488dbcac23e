package org.goldcommand.streams.domain.occupancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.sitrep.Sitrep;

/**
 * Everything a whole-trust sitrep says about pressure: the bed occupancy measures, and the shares
 * the scoring table uses (escalation beds of open beds, beds held by patients with no criteria to
 * reside, staff absence).
 */
public final class SitrepMeasures {

  public static final String ESCALATION_SHARE_PCT = "escalationSharePct";
  public static final String NCTR_SHARE_PCT = "nctrSharePct";
  public static final String STAFF_ABSENCE_PCT = "staffAbsencePct";

  private SitrepMeasures() {}

  /** The measures of a sitrep with bed figures. */
  public static List<Measure> of(Sitrep sitrep, Instant asAt) {
    Sitrep.Beds beds = sitrep.beds();
    List<Measure> measures = new ArrayList<>(BedOccupancy.measures(beds, asAt));
    int open = beds.gaOpen();
    if (open > 0) {
      int escalation = beds.gaEscalationOpen() == null ? 0 : beds.gaEscalationOpen();
      measures.add(new Measure(ESCALATION_SHARE_PCT, "Escalation beds of open G&A beds",
          BedOccupancy.percent(escalation, open), "%", asAt));
    }
    if (sitrep.discharge() != null && sitrep.discharge().nctr() != null && beds.gaOccupied() > 0) {
      measures.add(new Measure(NCTR_SHARE_PCT, "G&A beds with no criteria to reside",
          BedOccupancy.percent(Math.min(sitrep.discharge().nctr(), beds.gaOccupied()), beds.gaOccupied()), "%", asAt));
    }
    if (sitrep.staffAbsencePct() != null) {
      measures.add(new Measure(STAFF_ABSENCE_PCT, "Staff absence", sitrep.staffAbsencePct(), "%", asAt));
    }
    return measures;
  }
}
