package org.goldcommand.ingest.simulator;

import java.util.Random;

/**
 * The shapes of a winter surge day, as functions of the hour of the day (0-24, periodic): when
 * people arrive at A&amp;E, how crowded departments get, when ambulance handovers back up, how
 * full the wards are, and how a failing vaccine fridge warms. Plausible, not measured: the
 * arrival profile follows the familiar hourly A&amp;E curve (quiet at 04:00-06:00, a steep rise
 * from 08:00 to a late-morning peak, a long afternoon plateau); handover delays build from the
 * late morning as departments fill; ward occupancy is lowest after the morning's empty beds are
 * counted and peaks in the evening when admissions have outrun discharges.
 */
final class Curves {

  /** Share of a day's A&amp;E arrivals in each hour, in per cent. */
  private static final double[] ARRIVALS = {
      2.8, 2.3, 2.0, 1.7, 1.5, 1.5, 1.9, 2.8, 4.5, 5.7, 6.3, 6.4,
      6.1, 5.9, 5.8, 5.7, 5.6, 5.5, 5.3, 5.0, 4.6, 4.1, 3.6, 3.2};
  private static final double ARRIVALS_SUM = java.util.Arrays.stream(ARRIVALS).sum();

  private Curves() {}

  /** Hour of the day (0-24) of a number of hours since some midnight. */
  static double hourOfDay(double hours) {
    return ((hours % 24) + 24) % 24;
  }

  /** Expected arrivals per minute at a department that sees {@code perDay} a day. */
  static double arrivalsPerMinute(double perDay, double hour) {
    return perDay * ARRIVALS[(int) hourOfDay(hour)] / ARRIVALS_SUM / 60.0;
  }

  /** How crowded departments are, 0 (early morning) to 1 (afternoon and evening), easing overnight. */
  static double crowding(double hour) {
    double h = hourOfDay(hour);
    if (h < 7) {
      return 0.5 - 0.3 * h / 7;
    }
    if (h < 15) {
      return 0.2 + 0.8 * (h - 7) / 8;
    }
    return h < 21 ? 1.0 : 1.0 - 0.5 * (h - 21) / 3;
  }

  /** How backed up ambulance handovers are: low until 09:00, built by 12:30, held to 17:00, cleared by 02:00. */
  static double handoverBacklog(double hour) {
    double h = hourOfDay(hour);
    if (h >= 2 && h < 9) {
      return 0.1;
    }
    if (h >= 9 && h < 12.5) {
      return 0.1 + 0.9 * (h - 9) / 3.5;
    }
    if (h >= 12.5 && h < 17) {
      return 1.0;
    }
    double since = h >= 17 ? h - 17 : h + 7;
    return Math.max(0.1, 1.0 - 0.9 * since / 9);
  }

  /** Ward occupancy shape, 0 at 07:00 to 1 at 19:00. */
  static double occupancy(double hour) {
    return 0.5 - 0.5 * Math.cos(2 * Math.PI * (hourOfDay(hour) - 7) / 24);
  }

  /** A working fridge: 4-6 °C with the compressor's cycle and a little sensor noise. */
  static double fridge(double minutes, double phase, Random random) {
    return 5.0 + 0.45 * Math.sin(2 * Math.PI * (minutes + phase) / 38) + random.nextGaussian() * 0.12;
  }

  /**
   * A fridge that fails {@code minutesSinceFailure} ago: it warms about 0.11 °C a minute to near
   * room temperature, stays there until an engineer fixes it after 150 minutes, then cools back.
   */
  static double failingFridge(double minutesSinceFailure, double normal) {
    double m = minutesSinceFailure;
    if (m < 0) {
      return normal;
    }
    if (m < 150) {
      return Math.min(normal + 0.11 * m, 11.8 + (normal - 5.0));
    }
    return Math.max(normal, 11.8 - 0.25 * (m - 150) + (normal - 5.0));
  }

  /** A Poisson draw (Knuth's method; the means here are small). */
  static int poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      n++;
      product *= random.nextDouble();
    }
    return n;
  }
}
