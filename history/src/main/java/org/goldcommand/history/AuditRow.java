package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.goldcommand.events.topics.Topics;

/**
 * An {@code audit_log} row: who changed what, when, in which role, with the details as JSON. The
 * admin audit queries read these, so the columns are the ones people filter by.
 */
record AuditRow(
    String id,
    Instant at,
    String actor,
    String role,
    String action,
    String targetType,
    String targetId,
    String systemCode,
    String details) implements HistoryRow {

  static final String INSERT = """
      INSERT INTO audit_log (id, at, actor, role, action, target_type, target_id, system_code, details)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (id, at) DO NOTHING""";

  @Override
  public String eventId() {
    return id;
  }

  @Override
  public String table() {
    return "audit_log";
  }

  @Override
  public String sourceTopic() {
    return Topics.AUDIT.name();
  }

  @Override
  public String insertSql() {
    return INSERT;
  }

  @Override
  public void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, id);
    HistoryRow.setInstant(ps, 2, at);
    ps.setString(3, actor);
    ps.setString(4, role);
    ps.setString(5, action);
    ps.setString(6, targetType);
    ps.setString(7, targetId);
    ps.setString(8, systemCode);
    ps.setString(9, details);
  }
}
