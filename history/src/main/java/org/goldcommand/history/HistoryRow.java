package org.goldcommand.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One row bound for a history table. Rows of one table share an insert statement, so the writer
 * can send each table's rows as one JDBC batch; the statement ignores a key it already holds,
 * which is what makes a replayed or re-sent event harmless.
 */
sealed interface HistoryRow permits SitrepRow, TrustPressureRow {

  /** The event's idempotency key. */
  String eventId();

  /** The table the row goes to, for log messages. */
  String table();

  /** {@code INSERT ... ON CONFLICT (event_id, as_at) DO NOTHING} for this row's table. */
  String insertSql();

  /** Sets this row's values on the insert statement. */
  void bind(PreparedStatement insert) throws SQLException;

  /** Binds an instant as {@code timestamptz}. */
  static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
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
