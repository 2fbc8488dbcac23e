package org.goldcommand.streams.domain.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.goldcommand.events.pressure.SystemPressure.Trend;

/**
 * Which way a system is heading: its score now against its score 2 and 4 hours before, by business
 * time. A command room acts on a system that is climbing before it reaches OPEL 4, so the trend
 * says "rising fast" once the 2-hour rise reaches the scoring table's points.
 */
public final class SystemTrend {

  /** The shorter look-back, also the one "rising fast" is judged over. */
  public static final Duration SHORT = Duration.ofHours(2);
  /** The longer look-back. */
  public static final Duration LONG = Duration.ofHours(4);

  private SystemTrend() {}

  /** A past system score. */
  public record Point(Instant asAt, double score) {}

  /**
   * The trend of {@code score} at {@code now} against earlier points. A look-back without a point
   * at or before it has no change (null): the history is too short to say.
   *
   * @param risingFastPoints the 2-hour rise that counts as rising fast; null never flags it
   */
  public static Trend of(List<Point> history, Instant now, double score, Double risingFastPoints) {
    Double change2h = change(history, now.minus(SHORT), score);
    Double change4h = change(history, now.minus(LONG), score);
    boolean risingFast = risingFastPoints != null && change2h != null && change2h >= risingFastPoints;
    return new Trend(change2h, change4h, risingFast);
  }

  /**
   * The points still needed at {@code now} once {@code latest} is added: everything newer than the
   * longer look-back and the newest point at or before it (the baseline), oldest first. A point for
   * a time already held replaces it.
   */
  public static List<Point> retain(List<Point> history, Point latest, Instant now) {
    List<Point> points = new ArrayList<>(history);
    points.removeIf(p -> p.asAt().equals(latest.asAt()));
    points.add(latest);
    points.sort(Comparator.comparing(Point::asAt));
    Instant cutoff = now.minus(LONG);
    int baseline = -1;
    for (int i = 0; i < points.size(); i++) {
      if (!points.get(i).asAt().isAfter(cutoff)) {
        baseline = i;
      }
    }
    return baseline <= 0 ? points : List.copyOf(points.subList(baseline, points.size()));
  }

  private static Double change(List<Point> history, Instant then, double score) {
    return history.stream()
        .filter(p -> !p.asAt().isAfter(then))
        .max(Comparator.comparing(Point::asAt))
        .map(p -> Math.round((score - p.score()) * 10) / 10.0)
        .orElse(null);
  }
}
