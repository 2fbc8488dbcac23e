package org.goldcommand.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Where the simulated day sits on the real clock. Ingest refuses business times in the future, so
 * the simulated clock may never run ahead of the real one. The day is therefore laid in the past
 * so that it <em>ends at the real moment the run reaches its end</em>: a run that starts at
 * simulated hour {@code h0} and plays at {@code speed} times real time starts the simulated day
 * (its 00:00) at {@code realStart + (24h - h0) / speed - 24h}. Every simulated moment is then at or
 * before the real moment it is sent, and the gap closes as the day goes on. From the day's end on
 * the simulation carries on in real time, so a long-running demo stays live.
 *
 * <p>In real time (speed 1) started at the hour it is now in Europe/London, the simulated day is
 * today and the simulated hours are the clock's hours. Accelerated, the simulated hours are hours
 * of the scenario, not of the wall clock: a sitrep "at 08:00" carries the instant at which the
 * laid-down day was at 08:00.
 */
public final class Timeline {

  /** The zone whose midnight starts a real-time day. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private final long realStart;
  private final long dayStart;
  private final long startOffset;
  private final double speed;
  private final long lag;

  private Timeline(Instant realStart, int speed, Duration startOffset) {
    if (speed < 1) {
      throw new IllegalArgumentException("Speed must be at least 1 (real time), not " + speed);
    }
    if (startOffset.isNegative() || startOffset.toMillis() >= DAY_MS) {
      throw new IllegalArgumentException("The start must be within the day, not " + startOffset);
    }
    this.realStart = realStart.toEpochMilli();
    this.speed = speed;
    this.startOffset = startOffset.toMillis();
    long exact = this.realStart + Math.round((DAY_MS - this.startOffset) / this.speed) - DAY_MS;
    this.dayStart = Math.floorDiv(exact, 60_000L) * 60_000L;
    this.lag = this.realStart + Math.round((DAY_MS - this.startOffset) / this.speed) - (dayStart + DAY_MS);
  }

  /** A day that starts being played at {@code startOffset} into it, at {@code realStart}. */
  public static Timeline of(Instant realStart, int speed, Duration startOffset) {
    return new Timeline(realStart, speed, startOffset);
  }

  /** A day played from simulated hour {@code startHour}; {@code null} means the hour it is now in Europe/London. */
  public static Timeline starting(Instant realStart, int speed, Integer startHour) {
    Duration offset = startHour != null ? Duration.ofHours(startHour)
        : Duration.between(LocalDate.ofInstant(realStart, ZONE).atStartOfDay(ZONE).toInstant(), realStart);
    return new Timeline(realStart, speed, offset.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The instant of the simulated day's 00:00. */
  public Instant dayStart() {
    return Instant.ofEpochMilli(dayStart);
  }

  /** The simulated instant at a real instant: never after it. */
  public Instant scenarioTime(Instant real) {
    long r = Math.max(real.toEpochMilli(), realStart);
    long accelerated = dayStart + startOffset + Math.round((r - realStart) * speed);
    return Instant.ofEpochMilli(Math.min(accelerated, r - lag));
  }

  /** Hours since the simulated day's 00:00 (past 24 on later days). */
  public static double hoursSince(Instant dayStart, Instant at) {
    return (at.toEpochMilli() - dayStart.toEpochMilli()) / 3_600_000.0;
  }
}
