package org.goldcommand.history;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A real database that a test can take "down": connections are refused as when it is unreachable. */
final class FlakyDataSource implements DataSource {

  private final DataSource real;
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean down;

  FlakyDataSource(DataSource real) {
    this.real = real;
  }

  void down(boolean isDown) {
    down = isDown;
  }

  /** Connections refused so far. */
  int refused() {
    return refused.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (down) {
      refused.incrementAndGet();
      throw new SQLException("Connection refused (test outage)", "08001");
    }
    return real.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return real.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return real.isWrapperFor(type);
  }
}
