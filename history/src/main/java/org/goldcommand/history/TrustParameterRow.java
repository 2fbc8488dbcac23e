package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.goldcommand.events.topics.Topics;

/**
 * A {@code trust_parameter} row: one measure behind one published trust pressure, at the
 * measure's own business time, with its level, weight and contribution when it was scored. These
 * rows are what lets the trust detail view show which parameters drove a trust to its level.
 */
record TrustParameterRow(
    String eventId,
    String orgCode,
    String systemCode,
    String name,
    Instant asAt,
    double value,
    String unit,
    Integer level,
    Double weight,
    Double contribution) implements HistoryRow {

  static final String INSERT = """
      INSERT INTO trust_parameter (event_id, org_code, system_code, name, as_at, value, unit, level, weight,
                                   contribution)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id, name, as_at) DO NOTHING""";

  @Override
  public String table() {
    return "trust_parameter";
  }

  @Override
  public String sourceTopic() {
    return Topics.TRUST_PRESSURE.name();
  }

  @Override
  public String insertSql() {
    return INSERT;
  }

  @Override
  public void bind(PreparedStatement ps) throws SQLException {
    ps.setString(1, eventId);
    ps.setString(2, orgCode);
    ps.setString(3, systemCode);
    ps.setString(4, name);
    HistoryRow.setInstant(ps, 5, asAt);
    ps.setDouble(6, value);
    ps.setString(7, unit);
    HistoryRow.setInteger(ps, 8, level);
    HistoryRow.setDouble(ps, 9, weight);
    HistoryRow.setDouble(ps, 10, contribution);
  }
}
