package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.goldcommand.events.topics.Topics;

/**
 * A {@code trust_pressure} row: the occupancy, score and level Grafana charts, plus the JSON, with
 * the event's {@code trust_parameter} rows as dependents so a pressure and its parameters are
 * stored together or not at all.
 */
record TrustPressureRow(
    String eventId,
    String orgCode,
    String systemCode,
    Instant asAt,
    Instant receivedAt,
    Double gaOccupancyPct,
    Double criticalCareOccupancyPct,
    Double score,
    Integer opelLevel,
    String tableVersion,
    String payload,
    List<TrustParameterRow> parameters) implements HistoryRow {

  TrustPressureRow {
    parameters = List.copyOf(parameters);
  }

  static final String INSERT = """
      INSERT INTO trust_pressure (event_id, org_code, system_code, as_at, received_at, ga_occupancy_pct,
                                  cc_occupancy_pct, score, opel_level, table_version, payload)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (event_id, as_at) DO NOTHING""";

  @Override
  public String table() {
    return "trust_pressure";
  }

  @Override
  public String sourceTopic() {
    return Topics.TRUST_PRESSURE.name();
  }

  @Override
  public List<HistoryRow> dependents() {
    return List.copyOf(parameters);
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
    HistoryRow.setInstant(ps, 4, asAt);
    HistoryRow.setInstant(ps, 5, receivedAt);
    HistoryRow.setDouble(ps, 6, gaOccupancyPct);
    HistoryRow.setDouble(ps, 7, criticalCareOccupancyPct);
    HistoryRow.setDouble(ps, 8, score);
    HistoryRow.setInteger(ps, 9, opelLevel);
    ps.setString(10, tableVersion);
    ps.setString(11, payload);
  }
}
