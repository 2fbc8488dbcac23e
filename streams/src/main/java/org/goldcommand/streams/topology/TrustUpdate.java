package org.goldcommand.streams.topology;

import java.time.Instant;
import java.util.List;
import org.goldcommand.events.pressure.Measure;

/**
 * New figures for one trust from one source (its sitrep, handovers, EDs or ward bed states), on
 * their way to being merged with the trust's other figures and scored.
 *
 * @param orgCode the trust
 * @param measures the figures, by name
 * @param asAt business time of the newest figure
 * @param eventId the event that brought them, for the derived pressure's id
 * @param receivedAt when that event arrived; the score's staleness is judged from here
 */
public record TrustUpdate(String orgCode, List<Measure> measures, Instant asAt, String eventId, Instant receivedAt) {

  public TrustUpdate {
    measures = List.copyOf(measures);
  }
}
