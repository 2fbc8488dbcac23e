package org.goldcommand.bench;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.concurrent.TimeUnit;

/**
 * A histogram timer's observations between two snapshots of its cumulative buckets (what
 * dashboard-api's {@code gc.ws.push.latency} publishes to Prometheus), with percentiles estimated
 * the way Prometheus' {@code histogram_quantile} does: find the bucket holding the rank and
 * interpolate linearly within it; a rank in the overflow bucket answers the highest finite bound.
 */
final class FanOutBuckets {

  private final double[] upperBounds;
  private final double[] cumulative;

  /**
   * @param upperBounds each bucket's upper bound, ascending (an overflow bucket, if any, last as
   *     {@link Double#POSITIVE_INFINITY})
   * @param before cumulative counts (observations at or below each bound) at the window's start
   * @param after the same at its end
   */
  FanOutBuckets(double[] upperBounds, double[] before, double[] after) {
    if (before.length != upperBounds.length || after.length != upperBounds.length) {
      throw new IllegalArgumentException("Bounds and counts differ in length");
    }
    this.upperBounds = upperBounds.clone();
    this.cumulative = new double[upperBounds.length];
    for (int i = 0; i < upperBounds.length; i++) {
      cumulative[i] = after[i] - before[i];
    }
  }

  /** From two snapshots of one timer's {@code histogramCounts()}, bounds in milliseconds. */
  static FanOutBuckets between(CountAtBucket[] before, CountAtBucket[] after) {
    double[] bounds = new double[after.length];
    double[] from = new double[after.length];
    double[] to = new double[after.length];
    for (int i = 0; i < after.length; i++) {
      bounds[i] = after[i].bucket(TimeUnit.MILLISECONDS);
      from[i] = before.length == after.length ? before[i].count() : 0;
      to[i] = after[i].count();
    }
    return new FanOutBuckets(bounds, from, to);
  }

  /** Observations in the window. */
  double count() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** The {@code q} quantile (0-1) in the bounds' unit; NaN if the window is empty. */
  double quantile(double q) {
    double total = count();
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    for (int i = 0; i < cumulative.length; i++) {
      if (cumulative[i] >= rank) {
        if (Double.isInfinite(upperBounds[i])) {
          return i == 0 ? Double.NaN : upperBounds[i - 1];
        }
        double lower = i == 0 ? 0 : upperBounds[i - 1];
        double below = i == 0 ? 0 : cumulative[i - 1];
        double inBucket = cumulative[i] - below;
        return inBucket == 0 ? upperBounds[i] : lower + (upperBounds[i] - lower) * (rank - below) / inBucket;
      }
    }
    return upperBounds[upperBounds.length - 1];
  }
}
