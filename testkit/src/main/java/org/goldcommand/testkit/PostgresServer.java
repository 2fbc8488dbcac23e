package org.goldcommand.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL server for tests, chosen once per JVM in this order: the server named by
 * {@code GC_TEST_JDBC_URL} (with {@code GC_TEST_JDBC_USER} / {@code GC_TEST_JDBC_PASSWORD});
 * TimescaleDB in a container when a Docker engine answers; otherwise PostgreSQL 17 from embedded
 * binaries, where the migrations' compatibility layer stands in for TimescaleDB.
 */
public final class PostgresServer implements AutoCloseable {

  /** The TimescaleDB image used where Docker exists; the same one docker-compose runs. */
  public static final String TIMESCALE_IMAGE = "timescale/timescaledb:2.26.0-pg17";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String adminUrl;
  private final String user;
  private final String password;
  private final boolean timescale;
  private final AutoCloseable owner;

  private PostgresServer(String adminUrl, String user, String password, boolean timescale, AutoCloseable owner) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.timescale = timescale;
    this.owner = owner;
  }

  /** Starts (or connects to) the server, as described on the class. */
  static PostgresServer start() {
    String external = System.getenv("GC_TEST_JDBC_URL");
    if (external != null && !external.isBlank()) {
      String user = System.getenv().getOrDefault("GC_TEST_JDBC_USER", "postgres");
      String password = System.getenv().getOrDefault("GC_TEST_JDBC_PASSWORD", "postgres");
      return new PostgresServer(external, user, password, hasTimescale(external, user, password), null);
    }
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(
          DockerImageName.parse(TIMESCALE_IMAGE).asCompatibleSubstituteFor("postgres"));
      container.start();
      return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(), true, container);
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      return new PostgresServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", false, pg);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** A new, empty database on this server. */
  public TestDatabase newDatabase() {
    String name = "gc_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    String url = adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    return new TestDatabase(url, user, password, timescale);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean hasTimescale(String url, String user, String password) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
         var rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the test database at " + url, e);
    }
  }

  @Override
  public void close() {
    if (owner != null) {
      try {
        owner.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot stop the test PostgreSQL server", e);
      }
    }
  }
}
