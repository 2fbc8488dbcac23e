package org.goldcommand.streams.domain.occupancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.sitrep.Sitrep;

/**
 * Turns a sitrep's bed snapshot into the occupancy measures the wall shows: G&amp;A occupancy
 * against all open beds (core plus escalation, as NHS England reports it) and adult critical care
 * occupancy, each alongside the counts it came from so a reader can check the arithmetic.
 */
public final class BedOccupancy {

  public static final String GA_OCCUPANCY_PCT = "gaOccupancyPct";
  public static final String GA_OCCUPIED = "gaOccupied";
  public static final String GA_OPEN = "gaOpen";
  public static final String CC_OCCUPANCY_PCT = "criticalCareOccupancyPct";
  public static final String CC_OCCUPIED = "criticalCareOccupied";
  public static final String CC_OPEN = "criticalCareOpen";

  private BedOccupancy() {}

  /** The measures a sitrep supports; a percentage is omitted when its denominator is zero. */
  public static List<Measure> measures(Sitrep.Beds beds, Instant asAt) {
    List<Measure> measures = new ArrayList<>();
    int gaOpen = beds.gaOpen();
    if (gaOpen > 0) {
      measures.add(new Measure(GA_OCCUPANCY_PCT, "G&A occupancy", percent(beds.gaOccupied(), gaOpen), "%", asAt));
    }
    measures.add(new Measure(GA_OCCUPIED, "G&A beds occupied", beds.gaOccupied(), "beds", asAt));
    measures.add(new Measure(GA_OPEN, "G&A beds open", gaOpen, "beds", asAt));
    Integer ccOpen = beds.adultCriticalCareOpen();
    Integer ccOccupied = beds.adultCriticalCareOccupied();
    if (ccOpen != null && ccOccupied != null) {
      if (ccOpen > 0) {
        measures.add(new Measure(CC_OCCUPANCY_PCT, "Critical care occupancy", percent(ccOccupied, ccOpen), "%", asAt));
      }
      measures.add(new Measure(CC_OCCUPIED, "Critical care beds occupied", ccOccupied, "beds", asAt));
      measures.add(new Measure(CC_OPEN, "Critical care beds open", ccOpen, "beds", asAt));
    }
    return measures;
  }

  /** A percentage to one decimal place, the precision NHS occupancy figures are published at. */
  public static double percent(int part, int whole) {
    return Math.round(part * 1000.0 / whole) / 10.0;
  }
}
