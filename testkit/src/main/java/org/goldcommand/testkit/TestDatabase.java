package org.goldcommand.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One empty database of the test's own on the shared PostgreSQL server, so tests never see each
 * other's rows.
 *
 * @param jdbcUrl where it is
 * @param user who to connect as
 * @param password the password
 * @param timescale whether the TimescaleDB extension is available (full hypertable path)
 */
public record TestDatabase(String jdbcUrl, String user, String password, boolean timescale) {

  /** A data source for this database. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /** A new connection; close it after use. */
  public Connection connect() throws SQLException {
    return dataSource().getConnection();
  }
}
