package org.goldcommand.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goldcommand.events.Envelope;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;
import org.goldcommand.events.audit.AuditEntry;
import org.goldcommand.events.pressure.Measure;
import org.goldcommand.events.pressure.SystemPressure;
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

  /** A scored trust pressure with two scored parameters, each at its own business time. */
  static Envelope<TrustPressure> scoredPressure(String id, String org, Instant asAt, double handoverMinutes,
      int handoverLevel, double gaPct, int gaLevel) {
    List<Measure> measures = List.of(
        new Measure("meanHandoverMinutes", "Mean handover minutes", handoverMinutes, "minutes", asAt, handoverLevel,
            15.0, 15.0 * (handoverLevel - 1) / 3),
        new Measure(HistoryRecords.GA_OCCUPANCY, "G&A occupancy", gaPct, "%", asAt.minusSeconds(3600), gaLevel, 15.0,
            15.0 * (gaLevel - 1) / 3));
    TrustPressure p = new TrustPressure(org, org + " Trust", "QE1", asAt, measures, 50.0, 3, "demo-2026.1", 0.3);
    return Envelope.of(id, "/streams/pressure", "org.goldcommand.pressure.trust.v1", org, asAt, asAt.plusSeconds(1), p);
  }

  /** A system pressure with its trend, as the system pressure topology publishes it. */
  static Envelope<SystemPressure> system(String id, Instant asAt, double score, Double change2h, boolean risingFast) {
    SystemPressure p = new SystemPressure("QE1", asAt, score, 3, 4,
        List.of(new SystemPressure.TrustPart("RXN", score, 3, 700)), "demo-2026.1",
        new SystemPressure.Trend(change2h, null, risingFast));
    return Envelope.of(id, "/streams/system-pressure", "org.goldcommand.pressure.system.v1", "QE1", asAt,
        asAt.plusSeconds(1), p);
  }

  /** An alert that a trust reached OPEL 4, raised at {@code raisedAt}, at the given step. */
  static Alert alert(String alertId, String org, Instant raisedAt, AlertState state, Instant updatedAt) {
    boolean acknowledged = state != AlertState.RAISED;
    boolean resolved = state == AlertState.RESOLVED;
    return new Alert(alertId, "trust-opel-4/" + org, "trust-opel-4", "alerts-2026.1", AlertKind.TRUST_LEVEL,
        Severity.CRITICAL, org, "QE1", org, null, state, org + " at OPEL 4", org + " reached OPEL 4 (score 80)",
        List.of(new Alert.Figure("score", "Score", 80, "points", raisedAt)),
        new Alert.ActionCard("OPEL 4", List.of("Call the system lead")), raisedAt,
        acknowledged ? updatedAt : null, acknowledged ? "lead@qe1" : null, null,
        resolved ? updatedAt : null, resolved ? "gold-command" : null, resolved ? "cleared" : null, updatedAt);
  }

  /** A person's acknowledgement of an alert, as dashboard-api writes it to the audit log. */
  static AuditEntry audit(String id, Instant at, String actor, String alertKey) {
    return new AuditEntry(id, at, actor, "system-lead", "alert.acknowledge", "alert", alertKey, "QE1",
        Map.of("note", "on it"));
  }
}
