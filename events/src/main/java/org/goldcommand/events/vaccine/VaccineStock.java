package org.goldcommand.events.vaccine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A vaccination site's stock at a moment, line by line (product, batch, expiry). Contract:
 * {@code schemas/vaccine-stock.v1.json}.
 */
public record VaccineStock(String siteCode, Instant asAt, List<Line> lines) {

  public VaccineStock {
    lines = List.copyOf(lines);
  }

  /**
   * One batch of one product at the site.
   *
   * @param effectiveExpiry the earliest of printed, post-thaw and post-puncture expiry, when known
   */
  public record Line(
      String product, String batch, LocalDate expiry, LocalDate effectiveExpiry, int vials, int dosesPerVial,
      int punctured, int quarantined) {}
}
