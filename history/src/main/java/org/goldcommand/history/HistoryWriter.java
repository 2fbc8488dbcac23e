package org.goldcommand.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
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
 * cannot store), the batch is written again row by row behind savepoints so that only that row
 * (with its dependents) is left out: a single bad row must not stop the history for everyone. Any other failure (the
 * database is down, the connection dropped) is thrown for the caller to retry.
 */
final class HistoryWriter {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

  /**
   * What a write did.
   *
   * @param stored events newly stored (events already held, and dependents such as parameter rows, are not counted)
   * @param refused rows the database refused for their content, left out, with the reason
   */
  record Result(int stored, List<Refused> refused) {

    int rejected() {
      return refused.size();
    }
  }

  /** A row the database refused: which event, in which table, from which topic, and the database's words. */
  record Refused(String eventId, String table, String sourceTopic, String reason) {}

  private final DataSource dataSource;

  HistoryWriter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores the rows, with their dependents, in one transaction, or throws and stores none of them.
   * Only the rows themselves are counted as stored, not their dependents: one event, one count.
   */
  Result write(List<HistoryRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new Result(0, List.of());
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Result result;
      try {
        result = inBatches(c, rows);
      } catch (SQLException e) {
        c.rollback();
        if (!isDataError(e)) {
          throw e;
        }
        LOG.warn("The database refused a history batch ({}); writing its rows one by one", describe(e));
        result = oneByOne(c, rows);
      }
      c.commit();
      return result;
    }
  }

  /** One JDBC batch per table: the events' own tables first, then their dependents'. */
  private static Result inBatches(Connection c, List<HistoryRow> rows) throws SQLException {
    int stored = 0;
    for (List<HistoryRow> table : byTable(rows).values()) {
      stored += batch(c, table);
    }
    for (List<HistoryRow> table : byTable(rows.stream().flatMap(r -> r.dependents().stream()).toList()).values()) {
      batch(c, table);
    }
    return new Result(stored, List.of());
  }

  private static int batch(Connection c, List<HistoryRow> rows) throws SQLException {
    int stored = 0;
    try (PreparedStatement insert = c.prepareStatement(rows.get(0).insertSql())) {
      for (HistoryRow row : rows) {
        row.bind(insert);
        insert.addBatch();
      }
      for (int count : insert.executeBatch()) {
        stored += Math.max(count, 0);
      }
    }
    return stored;
  }

  private static Map<String, List<HistoryRow>> byTable(List<HistoryRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(HistoryRow::insertSql, LinkedHashMap::new, Collectors.toList()));
  }

  /** Each row with its dependents behind one savepoint, so a refused event is left out whole. */
  private static Result oneByOne(Connection c, List<HistoryRow> rows) throws SQLException {
    int stored = 0;
    List<Refused> refused = new ArrayList<>();
    Map<String, PreparedStatement> inserts = new HashMap<>();
    try {
      for (HistoryRow row : rows) {
        Savepoint before = c.setSavepoint();
        try {
          int count = insert(c, inserts, row);
          for (HistoryRow dependent : row.dependents()) {
            insert(c, inserts, dependent);
          }
          c.releaseSavepoint(before);
          stored += count;
        } catch (SQLException e) {
          if (!isDataError(e)) {
            throw e;
          }
          c.rollback(before);
          refused.add(new Refused(row.eventId(), row.table(), row.sourceTopic(), describe(e)));
          LOG.warn("Skipping {} event {}: the database refused it ({})", row.table(), row.eventId(), describe(e));
        }
      }
    } finally {
      for (PreparedStatement insert : inserts.values()) {
        insert.close();
      }
    }
    return new Result(stored, refused);
  }

  private static int insert(Connection c, Map<String, PreparedStatement> inserts, HistoryRow row) throws SQLException {
    PreparedStatement insert = inserts.get(row.insertSql());
    if (insert == null) {
      insert = c.prepareStatement(row.insertSql());
      inserts.put(row.insertSql(), insert);
    }
    row.bind(insert);
    return insert.executeUpdate();
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
