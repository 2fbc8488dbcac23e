package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One row bound for a history table. Rows of one table share an insert statement, so the writer
 * can send each table's rows as one JDBC batch; the statement ignores a key it already holds,
 * which is what makes a replayed or re-sent event harmless. A record that fills more than one
 * table (a trust pressure and its parameters) is one row with {@link #dependents()}, so the writer
 * stores or refuses them together.
 */
sealed interface HistoryRow permits SitrepRow, TrustPressureRow, TrustParameterRow, SystemPressureRow, AlertRow,
    AuditRow {

  /** The event's idempotency key. */
  String eventId();

  /** The table the row goes to, for log messages. */
  String table();

  /** The topic the row's event came from, for dead letters. */
  String sourceTopic();

  /** {@code INSERT ... ON CONFLICT (<key>) DO NOTHING} for this row's table. */
  String insertSql();

  /** Rows in other tables that belong to the same event and are stored with it, all or none. */
  default List<HistoryRow> dependents() {
    return List.of();
  }

  /** Sets this row's values on the insert statement. */
  void bind(PreparedStatement insert) throws SQLException;

  /** Binds an instant as {@code timestamptz}, or SQL NULL when there is none. */
  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  /** Binds a figure that may be missing as SQL NULL, never as zero. */
  static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    ps.setObject(index, value, Types.INTEGER);
  }

  /** Binds a figure that may be missing as SQL NULL, never as zero. */
  static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    ps.setObject(index, value, Types.DOUBLE);
  }
}
