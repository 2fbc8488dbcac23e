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
public final class AlertsFixture {

  private AlertsFixture() {}

  public static Alert raised(String system, String org, Instant at) {
    String key = "trust-opel-4/" + org;
    return new Alert(key + "@" + at.toEpochMilli(), key, "trust-opel-4", "demo-1", AlertKind.TRUST_LEVEL,
        Severity.CRITICAL, org, system, org, null, AlertState.RAISED, org + " is at OPEL 4",
        org + " scores 81 of 100: G&A occupancy 98.2%, mean handover 74 min",
        List.of(new Alert.Figure("score", "Score", 81, "points", at)),
        new Alert.ActionCard("OPEL 4 actions", List.of("Open the system's escalation call")), at, null, null, null,
        null, null, null, at);
  }

  /** A fridge out of range at a site: an alert a pharmacist bound to that site sees. */
  public static Alert coldChain(String system, String org, String site, Instant at) {
    String key = "cold-chain-excursion/" + site;
    return new Alert(key + "@" + at.toEpochMilli(), key, "cold-chain-excursion", "demo-1",
        AlertKind.COLD_CHAIN_EXCURSION, Severity.CRITICAL, site, system, org, site, AlertState.RAISED,
        "Fridge out of range at " + site, "Fridge F1 at " + site + " read 9.4 °C",
        List.of(new Alert.Figure("celsius", "Temperature", 9.4, "°C", at)),
        new Alert.ActionCard("Cold chain", List.of("Quarantine the stock")), at, null, null, null,
        null, null, null, at);
  }

  public static Alert resolved(Alert alert, Instant at) {
    return new Alert(alert.alertId(), alert.key(), alert.ruleId(), alert.rulesVersion(), alert.kind(), alert.severity(),
        alert.subject(), alert.systemCode(), alert.orgCode(), alert.siteCode(), AlertState.RESOLVED, alert.title(),
        alert.message(), alert.figures(), alert.action(), alert.raisedAt(), null, null, null, at, "gold-command",
        "below OPEL 4 for the hold-down time", at);
  }

  public static String path(String alertId) {
    return "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8);
  }
}
