package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.goldcommand.events.topics.Topics;

/** A {@code sitrep} row: the bed figures the dashboards chart, plus the sitrep as JSON. */
record SitrepRow(
    String eventId,
    String orgCode,
    String siteCode,
    Instant asAt,
    Instant receivedAt,
    Integer gaCoreOpen,
    Integer gaEscalationOpen,
    Integer gaOccupied,
    Integer criticalCareOpen,
    Integer criticalCareOccupied,
    Double staffAbsencePct,
    String payload) implements HistoryRow {

  static final String INSERT = """
      INSERT INTO sitrep (event_id, org_code, site_code, as_at, received_at, ga_core_open, ga_escalation_open,
                          ga_occupied, cc_open, cc_occupied, staff_absence_pct, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, as_at) DO NOTHING""";

  @Override
  public String table() {
    return "sitrep";
  }

  @Override
  public String sourceTopic() {
    return Topics.SITREPS.name();
  }

  @Override
  public String insertSql() {
    return INSERT;
  }

  @Override
  public void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, eventId);
    ps.setString(2, orgCode);
    ps.setString(3, siteCode);
    HistoryRow.setInstant(ps, 4, asAt);
    HistoryRow.setInstant(ps, 5, receivedAt);
    HistoryRow.setInteger(ps, 6, gaCoreOpen);
    HistoryRow.setInteger(ps, 7, gaEscalationOpen);
    HistoryRow.setInteger(ps, 8, gaOccupied);
    HistoryRow.setInteger(ps, 9, criticalCareOpen);
    HistoryRow.setInteger(ps, 10, criticalCareOccupied);
    HistoryRow.setDouble(ps, 11, staffAbsencePct);
    ps.setString(12, payload);
  }
}
