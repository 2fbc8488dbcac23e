package org.goldcommand.dashboard.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.alerts.Alert;
import org.goldcommand.events.alerts.Alert.AlertKind;
import org.goldcommand.events.alerts.Alert.AlertState;
import org.goldcommand.events.alerts.Alert.Severity;

/** Alerts as the streams alert topology writes them, for the dashboard's tests. */
final class AlertsFixture {

  private AlertsFixture() {}

  static Alert raised(String system, String org, Instant at) {
    String key = "trust-opel-4/" + org;
    return new Alert(key + "@" + at.toEpochMilli(), key, "trust-opel-4", "demo-1", AlertKind.TRUST_LEVEL,
        Severity.CRITICAL, org, system, org, null, AlertState.RAISED, org + " is at OPEL 4",
        org + " scores 81 of 100: G&A occupancy 98.2%, mean handover 74 min",
        List.of(new Alert.Figure("score", "Score", 81, "points", at)),
        new Alert.ActionCard("OPEL 4 actions", List.of("Open the system's escalation call")), at, null, null, null,
        null, null, null, at);
  }

  static Alert resolved(Alert alert, Instant at) {
    return new Alert(alert.alertId(), alert.key(), alert.ruleId(), alert.rulesVersion(), alert.kind(), alert.severity(),
        alert.subject(), alert.systemCode(), alert.orgCode(), alert.siteCode(), AlertState.RESOLVED, alert.title(),
        alert.message(), alert.figures(), alert.action(), alert.raisedAt(), null, null, null, at, "gold-command",
        "below OPEL 4 for the hold-down time", at);
  }

  static String path(String alertId) {
    return "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8);
  }
}
