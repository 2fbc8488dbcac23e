package org.goldcommand.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The history database's schema: applies the Flyway migrations and says which path they took.
 * The same migrations run on TimescaleDB (hypertables, a continuous aggregate, storage policies)
 * and on plain PostgreSQL (a {@code time_bucket} compatibility layer and a plain materialized
 * view), so every query and Grafana panel works on both; callers only need {@link #timescale()}
 * to decide who refreshes {@code trust_pressure_hourly}.
 */
public final class HistoryDatabase {

  /** Where the migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:db/migration";

  /** The hourly trust pressure aggregate (a continuous aggregate on TimescaleDB). */
  public static final String HOURLY_VIEW = "trust_pressure_hourly";

  private final DataSource dataSource;

  /** A history database reached through this data source, which must allow DDL to migrate. */
  public HistoryDatabase(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** A plain PostgreSQL data source (no pool: the sink and the repository hold few connections). */
  public static DataSource dataSource(String jdbcUrl, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /**
   * Brings the schema up to date.
   *
   * @return how many migrations were applied (0 when already current)
   */
  public int migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** Whether the TimescaleDB extension is installed in this database. */
  public boolean timescale() {
    try (Connection c = dataSource.getConnection();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')")) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot tell whether TimescaleDB is installed", e);
    }
  }

  /**
   * Recomputes {@code trust_pressure_hourly} in full. On TimescaleDB a policy does this every
   * 15 minutes and queries see the newest hour anyway, so only plain PostgreSQL needs a caller to
   * schedule it. Runs with autocommit on, as TimescaleDB requires.
   */
  public void refreshAggregates() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("CALL refresh_continuous_aggregate('" + HOURLY_VIEW + "', NULL, NULL)");
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot refresh " + HOURLY_VIEW, e);
    }
  }
}
