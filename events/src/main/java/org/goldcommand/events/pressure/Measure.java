package org.goldcommand.events.pressure;

import java.time.Instant;

/**
 * One figure behind a trust's pressure, with the time it was true so its age can be shown.
 *
 * @param name stable machine name, for example {@code gaOccupancyPct}
 * @param label what a person reads on the wall
 * @param value the figure
 * @param unit {@code %}, {@code beds}, {@code minutes}
 * @param asAt business time of the input it came from
 */
public record Measure(String name, String label, double value, String unit, Instant asAt) {}
