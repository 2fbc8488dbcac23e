package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.goldcommand.events.topics.Topics;

/**
 * An {@code alert_event} row: one step (raised, acknowledged, resolved) of one alert occurrence.
 * A step is identified by the occurrence, its state and when it happened, so a replayed step is
 * stored once while each real step is kept: the history of who acknowledged what, and when.
 */
record AlertRow(
    String alertId,
    String key,
    String ruleId,
    String kind,
    String severity,
    String subject,
    String systemCode,
    String orgCode,
    String siteCode,
    String state,
    String title,
    String message,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    Instant updatedAt,
    String payload) implements HistoryRow {

  static final String INSERT = """
      INSERT INTO alert_event (alert_id, key, rule_id, kind, severity, subject, system_code, org_code, site_code, state,
                               title, message, raised_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by,
                               updated_at, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (alert_id, state, updated_at) DO NOTHING""";

  @Override
  public String eventId() {
    return alertId + "/" + state;
  }

  @Override
  public String table() {
    return "alert_event";
  }

  @Override
  public String sourceTopic() {
    return Topics.ALERTS.name();
  }

  @Override
  public String insertSql() {
    return INSERT;
  }

  @Override
  public void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, alertId);
    ps.setString(2, key);
    ps.setString(3, ruleId);
    ps.setString(4, kind);
    ps.setString(5, severity);
    ps.setString(6, subject);
    ps.setString(7, systemCode);
    ps.setString(8, orgCode);
    ps.setString(9, siteCode);
    ps.setString(10, state);
    ps.setString(11, title);
    ps.setString(12, message);
    HistoryRow.setInstant(ps, 13, raisedAt);
    HistoryRow.setInstant(ps, 14, acknowledgedAt);
    ps.setString(15, acknowledgedBy);
    HistoryRow.setInstant(ps, 16, resolvedAt);
    ps.setString(17, resolvedBy);
    HistoryRow.setInstant(ps, 18, updatedAt);
    ps.setString(19, payload);
  }
}
