package org.goldcommand.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 (from embedded binaries, so nothing is installed on the machine) whose
 * cluster lives under the data folder and is reused on restart, so history survives.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  EmbeddedDatabase(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
