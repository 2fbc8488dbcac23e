package org.goldcommand.streams.domain.ed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.goldcommand.events.pressure.Measure;

/**
 * A trust's ED figures from its sites' counts: the counts are summed and the percentages computed
 * from the sums, so each patient counts once whichever department they are in. A site whose
 * figures are more than the freshness limit older than the trust's newest is left out rather than
 * mixing yesterday's department into today's picture; the trust's figures are as at its newest
 * site's, and say how many sites they rest on.
 */
public final class TrustEd {

  public static final String FOUR_HOUR_PCT = "fourHourPct";
  public static final String OVER_12H_PCT = "over12hPct";
  public static final String ED_OCCUPANCY_PCT = "edOccupancyPct";
  public static final String IN_DEPARTMENT = "edPatientsInDepartment";
  public static final String CAPACITY = "edCapacity";
  public static final String SITES_REPORTING = "edSitesReporting";

  private TrustEd() {}

  /**
   * The pooled counts of the sites that are fresh against the newest.
   *
   * @param counts the summed counts
   * @param asAt the newest site's time
   * @param sites how many sites they rest on
   */
  public record Pooled(EdCounts counts, Instant asAt, int sites) {}

  /** Pools the sites' counts; null when there are no sites. */
  public static Pooled pool(Collection<SiteEd> sites, Duration fresh) {
    Instant newest = sites.stream().map(SiteEd::asAt).max(Comparator.naturalOrder()).orElse(null);
    if (newest == null) {
      return null;
    }
    List<EdCounts> current = sites.stream().filter(s -> !s.asAt().isBefore(newest.minus(fresh)))
        .map(SiteEd::counts).toList();
    return new Pooled(EdCounts.pool(current), newest, current.size());
  }

  /** The measures the pooled counts support; a percentage without a denominator is left out. */
  public static List<Measure> measures(Pooled pooled) {
    EdCounts c = pooled.counts();
    Instant at = pooled.asAt();
    List<Measure> measures = new ArrayList<>();
    if (c.fourHourPct() != null) {
      measures.add(new Measure(FOUR_HOUR_PCT, "ED 4-hour performance (since midnight)", c.fourHourPct(), "%", at));
    }
    measures.add(new Measure(OVER_12H_PCT, "Patients in ED over 12 h", c.over12hPct(), "%", at));
    if (c.edOccupancyPct() != null) {
      measures.add(new Measure(ED_OCCUPANCY_PCT, "ED occupancy", c.edOccupancyPct(), "%", at));
      measures.add(new Measure(CAPACITY, "ED capacity", c.capacity(), "patients", at));
    }
    measures.add(new Measure(IN_DEPARTMENT, "Patients in ED", c.inDepartment(), "patients", at));
    measures.add(new Measure(SITES_REPORTING, "EDs reporting", pooled.sites(), "sites", at));
    return measures;
  }
}
