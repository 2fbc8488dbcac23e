package org.goldcommand.streams.domain.handover;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * The two handover parameters of the scoring table, from a trust's completed handovers, by event
 * time: the mean handover time over the last 60 minutes, and the share of handovers since local
 * midnight that took over 60 minutes. The result depends only on the set of handovers, never on the
 * order they arrived in, so late and out-of-order events give the same figures once they are in.
 */
public final class HandoverStats {

  /** The window of the mean. */
  public static final Duration RECENT = Duration.ofMinutes(60);

  /** A handover longer than this is a long wait. */
  public static final double LONG_MINUTES = 60;

  private HandoverStats() {}

  /**
   * The figures at {@code now}.
   *
   * @param meanMinutesLastHour mean handover minutes over the last hour, null when none completed
   * @param over60PctToday % of today's handovers over 60 minutes, null when none today
   * @param handoversToday handovers completed since local midnight
   */
  public record Figures(Double meanMinutesLastHour, Double over60PctToday, int handoversToday) {}

  /** The figures for the handovers at {@code now}, midnight taken in {@code zone}. */
  public static Figures at(Collection<Handover> handovers, Instant now, ZoneId zone) {
    Instant hourAgo = now.minus(RECENT);
    Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    List<Handover> lastHour = handovers.stream()
        .filter(h -> h.handedOverAt().isAfter(hourAgo) && !h.handedOverAt().isAfter(now)).toList();
    List<Handover> today = handovers.stream()
        .filter(h -> !h.handedOverAt().isBefore(midnight) && !h.handedOverAt().isAfter(now)).toList();
    Double mean = lastHour.isEmpty() ? null
        : round(lastHour.stream().mapToDouble(Handover::minutes).average().orElseThrow());
    Double over60 = today.isEmpty() ? null
        : round(100.0 * today.stream().filter(h -> h.minutes() > LONG_MINUTES).count() / today.size());
    return new Figures(mean, over60, today.size());
  }

  /** Whether a handover can still count in any figure at {@code now} (it is from today or the last hour). */
  public static boolean stillCounts(Handover handover, Instant now, ZoneId zone) {
    Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    Instant from = midnight.isBefore(now.minus(RECENT)) ? midnight : now.minus(RECENT);
    return !handover.handedOverAt().isBefore(from);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
