package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.goldcommand.events.topics.Topics;

/**
 * A {@code system_pressure} row: a system's score, level, highest trust level and trend in columns
 * for charts, plus the pressure JSON (with each trust's part) for the detail view.
 */
record SystemPressureRow(
    String eventId,
    String systemCode,
    Instant asAt,
    Instant receivedAt,
    Double score,
    Integer opelLevel,
    Integer highestTrustLevel,
    Double change2h,
    Double change4h,
    Boolean risingFast,
    String tableVersion,
    String payload) implements HistoryRow {

  static final String INSERT = """
      INSERT INTO system_pressure (event_id, system_code, as_at, received_at, score, opel_level, highest_trust_level,
                                   change_2h, change_4h, rising_fast, table_version, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, as_at) DO NOTHING""";

  @Override
  public String table() {
    return "system_pressure";
  }

  @Override
  public String sourceTopic() {
    return Topics.SYSTEM_PRESSURE.name();
  }

  @Override
  public String insertSql() {
    return INSERT;
  }

  @Override
  public void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, eventId);
    ps.setString(2, systemCode);
    HistoryRow.setInstant(ps, 3, asAt);
    HistoryRow.setInstant(ps, 4, receivedAt);
    HistoryRow.setDouble(ps, 5, score);
    HistoryRow.setInteger(ps, 6, opelLevel);
    HistoryRow.setInteger(ps, 7, highestTrustLevel);
    HistoryRow.setDouble(ps, 8, change2h);
    HistoryRow.setDouble(ps, 9, change4h);
    ps.setObject(10, risingFast, Types.BOOLEAN);
    ps.setString(11, tableVersion);
    ps.setString(12, payload);
  }
}
