package org.goldcommand.streams.domain.occupancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldcommand.events.pressure.Measure;

/**
 * A trust's figures come from several feeds that overlap (a sitrep and a ward bed state both give
 * G&amp;A occupancy), arrive late and are re-sent. Holding the newest figure of each name, whichever
 * feed brought it, means the wall always shows the most recent knowledge and a late or replayed
 * figure can never turn it back. A figure at the same time with another value is a correction.
 */
public final class NewestFigures {

  private NewestFigures() {}

  /**
   * The held figures with an update's figures merged in, or null when the update changes none (all
   * older than, or the same as, what is held). Figures are held without their scoring.
   */
  public static List<Measure> merge(List<Measure> held, List<Measure> update) {
    Map<String, Measure> byName = new LinkedHashMap<>();
    held.forEach(m -> byName.put(m.name(), m));
    boolean changed = false;
    for (Measure m : update) {
      Measure known = byName.get(m.name());
      if (known == null || m.asAt().isAfter(known.asAt())
          || m.asAt().equals(known.asAt()) && m.value() != known.value()) {
        byName.put(m.name(), new Measure(m.name(), m.label(), m.value(), m.unit(), m.asAt()));
        changed = true;
      }
    }
    return changed ? new ArrayList<>(byName.values()) : null;
  }
}
