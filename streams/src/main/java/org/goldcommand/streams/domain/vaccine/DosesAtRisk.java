package org.goldcommand.streams.domain.vaccine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.goldcommand.events.vaccine.VaccineStock.Line;

/**
 * Doses at risk of expiry at a site: its stock of each product used first-expiry-first-out against
 * its bookings from today on, day by day; doses still unused when their effective expiry passes are
 * at risk. Only stock expiring within the look-ahead is judged, since bookings further out are not
 * yet known. Punctured vials count as lost (a stock line does not say how many doses are left in
 * them) and quarantined vials are not usable, so neither can hide a shortfall. A dose may be used
 * on its expiry date.
 */
public final class DosesAtRisk {

  private DosesAtRisk() {}

  /**
   * One product's position at a site.
   *
   * @param product the product
   * @param stockDoses usable doses in stock (unpunctured, not quarantined)
   * @param atRiskDoses doses that will pass their effective expiry before bookings use them
   * @param earliestAtRiskExpiry the first date on which doses at risk expire, if any are
   */
  public record Result(String product, int stockDoses, int atRiskDoses, LocalDate earliestAtRiskExpiry) {}

  /** The date a line's doses expire: its effective expiry when known, else its printed expiry. */
  public static LocalDate expiryOf(Line line) {
    return line.effectiveExpiry() != null ? line.effectiveExpiry() : line.expiry();
  }

  /** A line's usable doses: unpunctured vials not in quarantine, times doses per vial. */
  public static int usableDoses(Line line) {
    int vials = line.vials() - Math.max(0, line.quarantined()) - Math.max(0, line.punctured());
    return Math.max(0, vials) * Math.max(0, line.dosesPerVial());
  }

  /**
   * Every product in the stock or the bookings, in name order.
   *
   * @param lines the site's stock lines
   * @param bookings booked appointments by product and day
   * @param today the first day bookings may use stock
   * @param lookAheadDays how many days from today (today included) to judge
   */
  public static List<Result> atSite(List<Line> lines, Map<String, Map<LocalDate, Integer>> bookings, LocalDate today,
      int lookAheadDays) {
    TreeSet<String> products = new TreeSet<>(bookings.keySet());
    lines.stream().map(Line::product).filter(Objects::nonNull).forEach(products::add);
    List<Result> results = new ArrayList<>();
    for (String product : products) {
      results.add(forProduct(product, lines.stream().filter(l -> product.equals(l.product())).toList(),
          bookings.getOrDefault(product, Map.of()), today, lookAheadDays));
    }
    return results;
  }

  /** One product's doses at risk; lines of other products are ignored. */
  public static Result forProduct(String product, List<Line> lines, Map<LocalDate, Integer> booked, LocalDate today,
      int lookAheadDays) {
    List<Line> batches = lines.stream().filter(l -> product.equals(l.product()) && expiryOf(l) != null)
        .sorted(Comparator.comparing(DosesAtRisk::expiryOf)).toList();
    int[] remaining = batches.stream().mapToInt(DosesAtRisk::usableDoses).toArray();
    LocalDate end = today.plusDays(lookAheadDays);
    for (LocalDate day = today; day.isBefore(end); day = day.plusDays(1)) {
      int demand = Math.max(0, booked.getOrDefault(day, 0));
      for (int i = 0; i < batches.size() && demand > 0; i++) {
        if (!expiryOf(batches.get(i)).isBefore(day)) {
          int used = Math.min(demand, remaining[i]);
          remaining[i] -= used;
          demand -= used;
        }
      }
    }
    int atRisk = 0;
    LocalDate earliest = null;
    for (int i = 0; i < batches.size(); i++) {
      LocalDate expiry = expiryOf(batches.get(i));
      if (remaining[i] > 0 && expiry.isBefore(end)) {
        atRisk += remaining[i];
        earliest = earliest == null || expiry.isBefore(earliest) ? expiry : earliest;
      }
    }
    int stock = lines.stream().filter(l -> product.equals(l.product())).mapToInt(DosesAtRisk::usableDoses).sum();
    return new Result(product, stock, atRisk, earliest);
  }
}
