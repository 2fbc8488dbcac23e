package org.goldcommand.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The history database's schema: applies the Flyway migrations and says which path they took.
 * The same migrations run on TimescaleDB (hypertables, continuous aggregates, storage policies)
 * and on plain PostgreSQL (a {@code time_bucket} compatibility layer and plain materialized
 * views), so every query and Grafana panel works on both; callers only need {@link #timescale()}
 * to decide who refreshes the {@link #AGGREGATES}.
 */
public final class HistoryDatabase {

  /** Where the migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:db/migration";

  /** The hourly trust pressure aggregate (a continuous aggregate on TimescaleDB). */
  public static final String HOURLY_VIEW = "trust_pressure_hourly";

  /**
   * Every hourly and daily aggregate (continuous aggregates on TimescaleDB, plain materialized
   * views on PostgreSQL), in the order {@link #refreshAggregates()} refreshes them.
   */
  public static final List<String> AGGREGATES = List.of(HOURLY_VIEW, "trust_pressure_daily",
      "trust_parameter_hourly", "trust_parameter_daily", "system_pressure_hourly", "system_pressure_daily",
      "alert_daily");

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
   * Recomputes every aggregate in {@link #AGGREGATES} in full. On TimescaleDB policies do this
   * (every 15 minutes for hourly views, every hour for daily ones) and queries see the newest
   * buckets anyway, so only plain PostgreSQL needs a caller to schedule it. Runs with autocommit
   * on, as TimescaleDB requires.
   */
  public void refreshAggregates() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String view : AGGREGATES) {
        try {
          s.execute("CALL refresh_continuous_aggregate('" + view + "', NULL, NULL)");
        } catch (SQLException e) {
          throw new HistoryUnavailableException("Cannot refresh " + view, e);
        }
      }
    } catch (SQLException e) {
      throw new HistoryUnavailableException("Cannot refresh the history aggregates", e);
    }
  }
}
