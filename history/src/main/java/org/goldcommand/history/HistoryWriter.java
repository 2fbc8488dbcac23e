package org.goldcommand.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one poll's rows in one transaction, one JDBC batch per table. If the database refuses a
 * row for what it contains (a data or constraint error, such as a NUL character PostgreSQL
 * cannot store), the batch is written again row by row behind savepoints so that only that row is
 * left out: a single bad row must not stop the history for everyone. Any other failure (the
 * database is down, the connection dropped) is thrown for the caller to retry.
 */
final class HistoryWriter {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

  /**
   * What a write did.
   *
   * @param stored rows newly stored (rows already held are not counted)
   * @param refused rows the database refused for their content, left out, with the reason
   */
  record Result(int stored, List<Refused> refused) {

    int rejected() {
      return refused.size();
    }
  }

  /** A row the database refused: which event, in which table, and the database's words. */
  record Refused(String eventId, String table, String reason) {}

  private final DataSource dataSource;

  HistoryWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores the rows in one transaction, or throws and stores none of them. */
  Result write(List<HistoryRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new Result(0, List.of());
    }
    Map<String, List<HistoryRow>> byTable = rows.stream()
        .collect(Collectors.groupingBy(HistoryRow::insertSql, LinkedHashMap::new, Collectors.toList()));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Result result;
      try {
        result = inBatches(c, byTable);
      } catch (SQLException e) {
        c.rollback();
        if (!isDataError(e)) {
          throw e;
        }
        LOG.warn("The database refused a history batch ({}); writing its rows one by one", describe(e));
        result = oneByOne(c, byTable);
      }
      c.commit();
      return result;
    }
  }

  private static Result inBatches(Connection c, Map<String, List<HistoryRow>> byTable) throws SQLException {
    int stored = 0;
    for (Map.Entry<String, List<HistoryRow>> table : byTable.entrySet()) {
      try (PreparedStatement insert = c.prepareStatement(table.getKey())) {
        for (HistoryRow row : table.getValue()) {
          row.bind(insert);
          insert.addBatch();
        }
        for (int count : insert.executeBatch()) {
          stored += Math.max(count, 0);
        }
      }
    }
    return new Result(stored, List.of());
  }

  private static Result oneByOne(Connection c, Map<String, List<HistoryRow>> byTable) throws SQLException {
    int stored = 0;
    List<Refused> refused = new java.util.ArrayList<>();
    for (Map.Entry<String, List<HistoryRow>> table : byTable.entrySet()) {
      try (PreparedStatement insert = c.prepareStatement(table.getKey())) {
        for (HistoryRow row : table.getValue()) {
          Savepoint before = c.setSavepoint();
          try {
            row.bind(insert);
            stored += insert.executeUpdate();
            c.releaseSavepoint(before);
          } catch (SQLException e) {
            if (!isDataError(e)) {
              throw e;
            }
            c.rollback(before);
            refused.add(new Refused(row.eventId(), row.table(), describe(e)));
            LOG.warn("Skipping {} event {}: the database refused it ({})", row.table(), row.eventId(), describe(e));
          }
        }
      }
    }
    return new Result(stored, refused);
  }

  /**
   * The server's own words and SQLSTATE, without the statement text a batch failure wraps them in
   * (which would put every row's values in the log).
   */
  static String describe(SQLException e) {
    SQLException cause = e;
    while (cause.getNextException() != null) {
      cause = cause.getNextException();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
    return message.lines().findFirst().orElse(message) + " [SQLSTATE " + cause.getSQLState() + "]";
  }

  /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation), anywhere in the chain. */
  static boolean isDataError(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
        return true;
      }
    }
    return false;
  }
}
