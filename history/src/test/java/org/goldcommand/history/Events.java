package org.goldcommand.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.TrustPressure;
import org.goldcommand.events.sitrep.Sitrep;

/** Test events shaped as ingest and the pressure topology publish them. */
final class Events {

  private Events() {}

  /** A unique event id, so tests sharing a broker never read each other's rows as their own. */
  static String newId() {
    return "test-" + UUID.randomUUID();
  }

  /** A sitrep for RXN with G&amp;A and critical care beds, as ingest wraps it. */
  static Envelope<Sitrep> sitrep(String id, Instant asAt, int gaOccupied, String comments) {
    Sitrep sitrep = new Sitrep(id, "RXN", null, asAt,
        new Sitrep.Beds(700, 20, gaOccupied, 30, 28, 6), null, null, null, 6.1, null, null, null, comments);
    return Envelope.of(id, "/ingest/http", "org.goldcommand.feeds.sitrep.v1", "RXN", asAt, asAt.plusSeconds(90), sitrep);
  }

  /** A scored trust pressure, as the pressure topology publishes it. */
  static Envelope<TrustPressure> pressure(String id, String org, Instant asAt, double gaPct, Double ccPct, int level) {
    List<Measure> measures = ccPct == null
        ? List.of(new Measure(HistoryRecords.GA_OCCUPANCY, "G&A occupancy", gaPct, "%", asAt))
        : List.of(new Measure(HistoryRecords.GA_OCCUPANCY, "G&A occupancy", gaPct, "%", asAt),
            new Measure(HistoryRecords.CRITICAL_CARE_OCCUPANCY, "Critical care occupancy", ccPct, "%", asAt));
    TrustPressure p = new TrustPressure(org, org + " Trust", "QE1", asAt, measures, level * 20.0, level, "demo-2026.1");
    return Envelope.of(id, "/streams/pressure", "org.goldcommand.pressure.trust.v1", org, asAt, asAt.plusSeconds(1), p);
  }
}
